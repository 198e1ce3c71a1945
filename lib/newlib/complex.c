/*
 * complex.c - the helpers gcc calls for complex * and /.
 *
 * gcc turns `a * b` and `a / b` on complex operands into calls to
 * __mul?c3 / __div?c3, which normally come from libgcc. The host's libgcc
 * is built with the red zone, which an event upcall on our stack would
 * overwrite, so pvmini does not link it; these versions are compiled
 * with the rest of the app (-mno-red-zone).
 *
 * They follow the C standard's Annex G: multiplication recovers infinite
 * results that the naive formula turns into NaN + NaN i; division scales
 * by Smith's method (no overflow for large finite operands) and gives
 * the Annex G results for zero, infinite and NaN operands. float and
 * double compute in long double: the extra range and precision make the
 * naive formulas exact enough, and one body serves all three widths.
 */
#include <complex.h>
#include <math.h>

typedef long double ld;

/* A component that is infinite becomes +-1, anything else +-0. */
static ld box(ld x)
{
	return __builtin_copysignl(__builtin_isinf(x) ? 1.0L : 0.0L, x);
}

static ld zero_if_nan(ld x)
{
	return __builtin_isnan(x) ? __builtin_copysignl(0.0L, x) : x;
}

static void mul(ld a, ld b, ld c, ld d, ld *re, ld *im)
{
	ld ac = a * c, bd = b * d, ad = a * d, bc = b * c;
	int again = 0;

	*re = ac - bd;
	*im = ad + bc;
	if (!__builtin_isnan(*re) || !__builtin_isnan(*im))
		return;
	if (__builtin_isinf(a) || __builtin_isinf(b)) {
		a = box(a), b = box(b), c = zero_if_nan(c), d = zero_if_nan(d);
		again = 1;
	}
	if (__builtin_isinf(c) || __builtin_isinf(d)) {
		c = box(c), d = box(d), a = zero_if_nan(a), b = zero_if_nan(b);
		again = 1;
	}
	if (!again && (__builtin_isinf(ac) || __builtin_isinf(bd) ||
		       __builtin_isinf(ad) || __builtin_isinf(bc))) {
		a = zero_if_nan(a), b = zero_if_nan(b);
		c = zero_if_nan(c), d = zero_if_nan(d);
		again = 1;
	}
	if (again) {
		*re = __builtin_infl() * (a * c - b * d);
		*im = __builtin_infl() * (a * d + b * c);
	}
}

static void div(ld a, ld b, ld c, ld d, ld *re, ld *im)
{
	ld r, den;

	/* Smith: divide through by the larger of |c| and |d|. */
	if (__builtin_fabsl(c) >= __builtin_fabsl(d)) {
		r = d / c;
		den = c + d * r;
		*re = (a + b * r) / den;
		*im = (b - a * r) / den;
	} else {
		r = c / d;
		den = c * r + d;
		*re = (a * r + b) / den;
		*im = (b * r - a) / den;
	}
	if (!__builtin_isnan(*re) || !__builtin_isnan(*im))
		return;
	if (c == 0 && d == 0 && (!__builtin_isnan(a) || !__builtin_isnan(b))) {
		*re = __builtin_copysignl(__builtin_infl(), c) * a;
		*im = __builtin_copysignl(__builtin_infl(), c) * b;
	} else if ((__builtin_isinf(a) || __builtin_isinf(b)) &&
		   __builtin_isfinite(c) && __builtin_isfinite(d)) {
		a = box(a), b = box(b);
		*re = __builtin_infl() * (a * c + b * d);
		*im = __builtin_infl() * (b * c - a * d);
	} else if ((__builtin_isinf(c) || __builtin_isinf(d)) &&
		   __builtin_isfinite(a) && __builtin_isfinite(b)) {
		c = box(c), d = box(d);
		*re = 0.0L * (a * c + b * d);
		*im = 0.0L * (b * c - a * d);
	}
}

#define HELPERS(T, suffix)                                                     \
	_Complex T __mul##suffix##c3(T a, T b, T c, T d)                       \
	{                                                                      \
		ld re, im;                                                     \
		mul(a, b, c, d, &re, &im);                                     \
		return __builtin_complex((T)re, (T)im);                        \
	}                                                                      \
	_Complex T __div##suffix##c3(T a, T b, T c, T d)                       \
	{                                                                      \
		ld re, im;                                                     \
		div(a, b, c, d, &re, &im);                                     \
		return __builtin_complex((T)re, (T)im);                        \
	}

_Complex float __mulsc3(float a, float b, float c, float d);
_Complex float __divsc3(float a, float b, float c, float d);
_Complex double __muldc3(double a, double b, double c, double d);
_Complex double __divdc3(double a, double b, double c, double d);
_Complex long double __mulxc3(ld a, ld b, ld c, ld d);
_Complex long double __divxc3(ld a, ld b, ld c, ld d);

HELPERS(float, s)
HELPERS(double, d)
HELPERS(long double, x)
