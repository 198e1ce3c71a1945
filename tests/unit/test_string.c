/*
 * test_string.c - lib/string.c against the host C library. Built with
 * pvmini's names renamed to pv_*.
 */
#include <stddef.h>
#include "unit.h"

void *pv_memmove(void *dst, const void *src, size_t n);
void *pv_memset(void *s, int c, size_t n);
int pv_memcmp(const void *a, const void *b, size_t n);
int pv_strcmp(const char *a, const char *b);
int pv_strncmp(const char *a, const char *b, size_t n);
int parse_ulong(const char *s, unsigned long max, unsigned long *out);
int parse_key_ulong(const char *arg, const char *key, unsigned long max,
		    unsigned long *out);
char *pv_strchr(const char *s, int c);
size_t pv_strnlen(const char *s, size_t max);

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

TEST(memmove_overlaps_both_ways)
{
	char a[] = "0123456789", b[] = "0123456789";

	pv_memmove(a + 2, a, 6);
	memmove(b + 2, b, 6);
	CHECK_STR(a, b);
	pv_memmove(a, a + 3, 7);
	memmove(b, b + 3, 7);
	CHECK_STR(a, b);
}

TEST(compare_signs_match_libc)
{
	static const char *const s[] = { "", "a", "ab", "abc", "b", "\xff" };

	for (int i = 0; i < 6; i++)
		for (int j = 0; j < 6; j++) {
			CHECK(sign(pv_strcmp(s[i], s[j])) ==
			      sign(strcmp(s[i], s[j])));
			CHECK(sign(pv_strncmp(s[i], s[j], 2)) ==
			      sign(strncmp(s[i], s[j], 2)));
			CHECK(sign(pv_memcmp(s[i], s[j], 1)) ==
			      sign(memcmp(s[i], s[j], 1)));
		}
}

TEST(strchr_finds_the_terminator_too)
{
	const char *s = "abc";

	CHECK(pv_strchr(s, 'b') == s + 1);
	CHECK(pv_strchr(s, '\0') == s + 3);
	CHECK(pv_strchr(s, 'z') == NULL);
	CHECK(pv_strnlen(s, 2) == 2);
	CHECK(pv_strnlen(s, 10) == 3);
}

TEST(memset_fills_exactly)
{
	char buf[8] = "xxxxxxx";

	pv_memset(buf + 1, 'y', 3);
	CHECK_STR(buf, "xyyyxxx");
}

TEST(parse_key_ulong_takes_key_equals_number_only)
{
	unsigned long v = 7;

	CHECK(parse_key_ulong("port=80", "port", 65535, &v) == 0 && v == 80);
	v = 7;
	CHECK(parse_key_ulong("port=65536", "port", 65535, &v) == -1 && v == 7);
	CHECK(parse_key_ulong("port=", "port", 65535, &v) == -1 && v == 7);
	CHECK(parse_key_ulong("port", "port", 65535, &v) == -1);
	CHECK(parse_key_ulong("ports=1", "port", 65535, &v) == -1);
	CHECK(parse_key_ulong("por=1", "port", 65535, &v) == -1);
	CHECK(parse_key_ulong("port=1x", "port", 65535, &v) == -1 && v == 7);
	CHECK(parse_key_ulong("=1", "", 9, &v) == 0 && v == 1);
}

TEST(parse_ulong_bounds)
{
	unsigned long v = 7;

	CHECK(parse_ulong("0", 10, &v) == 0 && v == 0);
	CHECK(parse_ulong("4294967295", 0xffffffffUL, &v) == 0 &&
	      v == 0xffffffffUL);
	CHECK(parse_ulong("4294967296", 0xffffffffUL, &v) == -1);
	CHECK(parse_ulong("18446744073709551615", ~0UL, &v) == 0 && v == ~0UL);
	/* One more would overflow an unsigned long: refused, not wrapped. */
	CHECK(parse_ulong("18446744073709551616", ~0UL, &v) == -1);
	CHECK(parse_ulong("99999999999999999999999", ~0UL, &v) == -1);
	v = 7;
	CHECK(parse_ulong("", 10, &v) == -1 && v == 7);
	CHECK(parse_ulong("-1", 10, &v) == -1);
	CHECK(parse_ulong(" 1", 10, &v) == -1);
	CHECK(parse_ulong("1 ", 10, &v) == -1);
	CHECK(parse_ulong("0x10", 100, &v) == -1);
	CHECK(parse_ulong("11", 10, &v) == -1);
	CHECK(parse_ulong("10", 10, &v) == 0 && v == 10);
}
