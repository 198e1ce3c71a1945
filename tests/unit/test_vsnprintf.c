/*
 * test_vsnprintf.c - pvmini's vsnprintf against the host C library's,
 * which serves as the oracle for every integer and string conversion
 * both support. Built with pvmini's names renamed to pv_*.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include "unit.h"

int pv_snprintf(char *buf, size_t size, const char *fmt, ...);

/* Formats with both implementations and compares text and length. */
#define SAME(fmt, ...)                                                         \
	do {                                                                   \
		char a_[256], b_[256];                                         \
		int na_ = pv_snprintf(a_, sizeof(a_), fmt, __VA_ARGS__);       \
		int nb_ = snprintf(b_, sizeof(b_), fmt, __VA_ARGS__);          \
		CHECK_STR(a_, b_);                                             \
		CHECK(na_ == nb_);                                             \
	} while (0)

TEST(signed_conversions)
{
	static const long long vals[] = { 0,	   1,	      -1,
					  42,	   -42,	      INT_MAX,
					  INT_MIN, LLONG_MAX, LLONG_MIN };
	static const char *const fmts[] = { "%d",     "%5d", "%-5d|", "%05d",
					    "%+d",    "% d", "%.3d",  "%8.3d",
					    "%-+8d|", "%i" };

	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
			SAME(fmts[f], (int)vals[i]);
		SAME("%ld", (long)vals[i]);
		SAME("%lld", vals[i]);
		SAME("%hd", (short)vals[i]);
		SAME("%hhd", (signed char)vals[i]);
		SAME("%zd", (ssize_t)vals[i]);
	}
}

TEST(unsigned_conversions)
{
	static const unsigned long long vals[] = {
		0, 1, 255, 4096, UINT_MAX, ULLONG_MAX, 0xffffffff80000000ULL
	};

	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		unsigned long long v = vals[i];

		SAME("%u", (unsigned)v);
		SAME("%x", (unsigned)v);
		SAME("%X", (unsigned)v);
		SAME("%o", (unsigned)v);
		SAME("%#x", (unsigned)v);
		SAME("%#o", (unsigned)v);
		SAME("%08x", (unsigned)v);
		SAME("%lx", (unsigned long)v);
		SAME("%016lx", (unsigned long)v);
		SAME("%#lx", (unsigned long)v);
		SAME("%llu", v);
		SAME("%zu", (size_t)v);
		SAME("%hhu", (unsigned char)v);
		SAME("%hx", (unsigned short)v);
	}
}

TEST(strings_and_chars)
{
	SAME("%s", "hello");
	SAME("[%10s]", "hi");
	SAME("[%-10s]", "hi");
	SAME("[%.3s]", "abcdef");
	SAME("[%.*s]", 2, "abcdef");
	SAME("[%*s]", 6, "ab");
	SAME("[%-*s]", 6, "ab");
	SAME("%c%c%c", 'a', 'b', 'c');
	SAME("[%3c]", 'x');
	SAME("[%-3c]", 'x');
	SAME("%s %d%%", "x", 5);
}

TEST(pointer)
{
	SAME("%p", (void *)0xffffffff80001000UL);
	SAME("%p", (void *)0x1000UL);
}

TEST(null_pointer_is_0x0)
{
	char buf[16];

	pv_snprintf(buf, sizeof(buf), "%p", (void *)0);
	CHECK_STR(buf, "0x0"); /* glibc says "(nil)"; a kernel wants 0x0 */
}

TEST(precision_zero_of_zero)
{
	SAME("[%.0d]", 0);
	SAME("[%.0x]", 0);
	SAME("[%5.0d]", 0);
}

TEST(truncation_keeps_nul_and_length)
{
	char buf[8];
	int n = pv_snprintf(buf, sizeof(buf), "%s", "0123456789");

	CHECK(n == 10);
	CHECK_STR(buf, "0123456");
	n = pv_snprintf(NULL, 0, "%d", 12345);
	CHECK(n == 5);
	buf[0] = 'z';
	n = pv_snprintf(buf, 1, "abc");
	CHECK(n == 3 && buf[0] == '\0');
}

TEST(null_string)
{
	char buf[16];
	const char *volatile null = NULL; /* hide it from gcc's checks */

	pv_snprintf(buf, sizeof(buf), "%s", null);
	CHECK_STR(buf, "(null)");
}

/* C: a negative precision from '*' is taken as if it were omitted. */
TEST(negative_star_precision_is_omitted)
{
	SAME("[%.*s]", -1, "abc");
	SAME("[%.*s]", -7, "abc");
	SAME("[%.*d]", -1, 0);
	SAME("[%5.*x]", -1, 0x1f);
}

/* C: a negative width from '*' is a '-' flag and its absolute value. */
TEST(negative_star_width_of_minus_one_left_justifies)
{
	SAME("[%*s]", -1, "");
	SAME("[%*.0d]", -1, 0);
	SAME("[%*c]", -3, 'x');
}

/* '+' and ' ' are for signed conversions; C ignores them elsewhere. */
TEST(plus_and_space_flags_are_for_signed_conversions)
{
	const char *volatile plus_u = "%+u", *volatile space_x = "% x";
	const char *volatile both_o = "%+ o";

	SAME(plus_u, 7U);
	SAME(space_x, 255U);
	SAME(both_o, 8U);
}

/* '#' with o raises the precision only as far as a leading 0 needs. */
TEST(alt_octal_with_precision_has_one_leading_zero)
{
	SAME("%#.5o", 8U);
	SAME("%#.2o", 8U);
	SAME("%#.1o", 0U);
	SAME("%#o", 0U);
}

/*
 * A '*' width of INT_MIN has no positive int: it must not be negated
 * (UBSan stops that in unit-san), and a huge width costs no time. The
 * length it would have is past INT_MAX: reported as INT_MAX, never
 * negative, since printk uses it as a length.
 */
TEST(star_width_int_min_is_not_negated)
{
	char buf[8];
	int n = pv_snprintf(buf, sizeof(buf), "%*d", INT_MIN, 5);

	CHECK(n == INT_MAX);
	CHECK_STR(buf, "5      ");
	n = pv_snprintf(buf, sizeof(buf), "%*d|", INT_MAX, 5);
	CHECK(n == INT_MAX);
	CHECK_STR(buf, "       ");
}

TEST(huge_width_in_the_format_does_not_overflow)
{
	char buf[4];
	const char *volatile fmt = "%99999999999d";

	CHECK(pv_snprintf(buf, sizeof(buf), fmt, 1) == INT_MAX);
	CHECK_STR(buf, "   ");
}
