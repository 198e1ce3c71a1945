/*
 * complex.c - complex arithmetic links and is right: gcc's calls for
 * complex * and / (our lib/newlib/complex.c, not libgcc's), the Annex G
 * cases the naive formulas get wrong, and libm's cabs and cexp.
 */
#include <complex.h>
#include <math.h>
#include <stdio.h>

#include "libctest.h"

/* volatile: the compiler may not fold these at build time. */
static volatile double re1 = 1, im1 = 2, re2 = 3, im2 = 4;

static int near(double x, double want)
{
	return fabs(x - want) < 1e-12;
}

void check_complex(void)
{
	double complex a = re1 + im1 * I, b = re2 + im2 * I;
	double complex p = a * b, q = a / b, e = cexp(I * M_PI);
	float complex fp = (float complex)a * (float complex)b;
	/* (inf, NaN) built directly: `INFINITY + NAN * I` is NaN + NaN i,
	 * as NAN * I puts a NaN in both parts. */
	double complex inf = __builtin_complex(INFINITY * re1, NAN * re1);
	double complex zero = 0 * re1 + 0 * I;
	double complex pi = inf * b, pz = a / zero;
	int ok = near(creal(p), -5) && near(cimag(p), 10) &&
		 near(creal(q), 0.44) && near(cimag(q), 0.08) &&
		 near(cabs(b), 5) && near(creal(e), -1) &&
		 fabs(cimag(e)) < 1e-15 && crealf(fp) == -5 && cimagf(fp) == 10;

	check(ok, "complex: products, quotients, cabs, cexp");
	/* Annex G: an infinite operand gives an infinite result, not NaN. */
	check(isinf(creal(pi)) || isinf(cimag(pi)), "complex: inf * b is inf");
	check(isinf(creal(pz)) && isinf(cimag(pz)), "complex: a / 0 is inf");
	printf("complex: (1+2i)(3+4i) = %g%+gi, (1+2i)/(3+4i) = %g%+gi, "
	       "|3+4i| = %g, e^(i pi) = %g%+gi\n",
	       creal(p), cimag(p), creal(q), cimag(q), cabs(b), creal(e),
	       fabs(cimag(e)) < 1e-15 ? 0.0 : cimag(e));
}
