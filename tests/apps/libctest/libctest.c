/*
 * libctest - newlib on pvmini, checked under xl (tests/boot/libctest*.t).
 *
 * With no argument it runs every check and prints one line each: the
 * formatted text itself (the boot test matches it exactly) or what was
 * measured next to the bound it must meet. Any failed check prints a line
 * with WRONG and makes main return 1.
 *
 * With arguments it ends in one chosen way, to test how ends map to
 * shutdown reasons: "exit N", "return N", "abort", "partial" (exit(0)
 * with a line that has no newline yet: exit must flush it).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "libctest.h"

int failures;

void check(int ok, const char *what)
{
	if (!ok) {
		printf("WRONG: %s\n", what);
		failures++;
	}
}

/* printf of one format, both to stdout and compared with the expected. */
static void fmt(const char *expect, const char *format, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, format);
	vsnprintf(buf, sizeof(buf), format, ap);
	va_end(ap);
	printf("fmt: %s\n", buf);
	if (strcmp(buf, expect)) {
		printf("WRONG: format \"%s\" gave \"%s\", want \"%s\"\n",
		       format, buf, expect);
		failures++;
	}
}

static void check_printf(void)
{
	fmt("int -42 0x2a 052 +7", "int %d %#x %#o %+d", -42, 42, 42, 7);
	fmt("long long -9223372036854775808 18446744073709551615",
	    "long long %lld %llu", LLONG_MIN, ULLONG_MAX);
	fmt("size 123456789012 ptrdiff -5", "size %zu ptrdiff %td",
	    (size_t)123456789012ULL, (ptrdiff_t)-5);
	fmt("float 3.142 -0.000123 1.5e+10 2.5", "float %.3f %.6f %.1e %g",
	    3.14159265, -0.000123, 1.5e10, 2.5);
	fmt("libm 1.4142135624 2.7182818285 1.000000", "libm %.10f %.10f %f",
	    sqrt(2.0), exp(1.0), sin(M_PI / 2));
	fmt("strtod 0.1+0.2=0.30000000000000004", "strtod 0.1+0.2=%.17g",
	    strtod("0.1", NULL) + strtod("0.2", NULL));
}

static void check_errno(void)
{
	errno = 0;
	check(open("/etc/motd", O_RDONLY) == -1 && errno == ENOSYS,
	      "open() fails with ENOSYS");
	errno = 0;
	check(lseek(1, 0, SEEK_SET) == -1 && errno == ESPIPE,
	      "lseek(stdout) fails with ESPIPE");
	check(isatty(1) && isatty(2), "stdout and stderr are terminals");
	printf("errno: open ENOSYS, lseek ESPIPE, isatty 1\n");
}

static void check_time(void)
{
	struct timespec m0, m1, w0, w1, nap = { 0, 100 * 1000 * 1000 };
	struct timeval tv;
	time_t t = time(NULL);
	long long dm, dw;

	/* Xen's wall clock comes from dom0's, which is set: after 2020. */
	check(t > 1577836800, "time() is after 2020-01-01");
	check(gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= t,
	      "gettimeofday agrees with time()");
	clock_gettime(CLOCK_MONOTONIC, &m0);
	clock_gettime(CLOCK_REALTIME, &w0);
	check(nanosleep(&nap, NULL) == 0, "nanosleep returns 0");
	clock_gettime(CLOCK_MONOTONIC, &m1);
	clock_gettime(CLOCK_REALTIME, &w1);
	dm = (m1.tv_sec - m0.tv_sec) * 1000LL +
	     (m1.tv_nsec - m0.tv_nsec) / 1000000;
	dw = (w1.tv_sec - w0.tv_sec) * 1000LL +
	     (w1.tv_nsec - w0.tv_nsec) / 1000000;
	/* TCG is slow but not that slow: a 100 ms nap ends within 2 s. */
	check(dm >= 100 && dm < 2000, "monotonic clock: nap 100..2000 ms");
	check(dw >= 99 && dw < 2000, "wall clock: nap 99..2000 ms");
	check(clock_gettime(42, &m0) == -1 && errno == EINVAL,
	      "an unknown clock is EINVAL");
	printf("time: year %d, nanosleep 100 ms: monotonic %s, wall %s\n",
	       1900 + gmtime(&t)->tm_year,
	       dm >= 100 && dm < 2000 ? "100..2000 ms" : "OUT OF RANGE",
	       dw >= 99 && dw < 2000 ? "99..2000 ms" : "OUT OF RANGE");
}

static int end_as(int argc, char **argv)
{
	int code = argc > 2 ? atoi(argv[2]) : 0;

	printf("libctest: ending with %s %d\n", argv[1], code);
	if (!strcmp(argv[1], "exit"))
		exit(code);
	if (!strcmp(argv[1], "return"))
		return code;
	if (!strcmp(argv[1], "abort"))
		abort();
	if (!strcmp(argv[1], "partial")) {
		printf("no newline before exit");
		exit(0);
	}
	printf("libctest: unknown ending '%s'\n", argv[1]);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return end_as(argc, argv);
	check_printf();
	check_errno();
	check_time();
	check_malloc();
	check_sse();
	check_threads();
	check_detached_threads();
	check_complex();
	printf("libctest: %d failure(s)\n", failures);
	return failures ? 1 : 0;
}
