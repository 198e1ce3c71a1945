/*
 * fuzz_string.c - lib/string.c against the host C library: parse_ulong
 * against strtoul (the one parser of numbers from outside: the command
 * line, xenstore values and permissions), and the memory and string
 * primitives against their libc namesakes, on buffers of exactly the
 * size they may touch (ASan sees one byte too far).
 */
#include <errno.h>
#include <stdbool.h>
#include "fuzz.h"

int parse_ulong(const char *s, unsigned long max, unsigned long *out);
void *pv_memcpy(void *dst, const void *src, size_t n);
void *pv_memmove(void *dst, const void *src, size_t n);
void *pv_memset(void *s, int c, size_t n);
int pv_memcmp(const void *a, const void *b, size_t n);
size_t pv_strlen(const char *s);
size_t pv_strnlen(const char *s, size_t max);
int pv_strcmp(const char *a, const char *b);
int pv_strncmp(const char *a, const char *b, size_t n);
char *pv_strchr(const char *s, int c);

static char text[64];
static unsigned long max_arg;

static void dump_text(void)
{
	printf("  \"%s\", max %lu\n", text, max_arg);
}

/* Mostly digits, sometimes what a number must not contain. */
static void number_text(void)
{
	static const char junk[] = "+- \t0x.a/:";
	size_t len = fz_below(4) ? fz_below(24) : fz_below(sizeof(text));

	for (size_t i = 0; i < len; i++)
		text[i] = fz_chance(95) ? (char)('0' + fz_below(10))
					: junk[fz_below(sizeof(junk) - 1)];
	text[len] = '\0';
	if (fz_chance(30)) /* a long run of zeros in front stays small */
		memset(text, '0', len / 2);
}

FUZZ(parse_ulong_vs_strtoul, 200000)
{
	unsigned long got = 12345, want;
	bool digits;
	int rc;

	number_text();
	max_arg = fz_chance(50) ? fz_edge(UINT64_MAX) : fz_edge(100000);
	fz_dump = dump_text;
	/* strtoul takes blanks and signs too: only digits are for us. */
	digits = text[0] != '\0';
	for (const char *p = text; *p; p++)
		digits = digits && *p >= '0' && *p <= '9';
	errno = 0;
	want = strtoul(text, NULL, 10);
	rc = parse_ulong(text, max_arg, &got);
	if (digits && !errno && want <= max_arg) {
		FZ_CHECK(rc == 0 && got == want, "rc %d, %lu, want %lu", rc,
			 got, want);
	} else {
		FZ_CHECK(rc == -1, "rc %d, want -1", rc);
		FZ_CHECK(got == 12345, "*out changed on failure: %lu", got);
	}
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* Short strings over a tiny alphabet, so that they often compare equal. */
static char *small_string(size_t *len)
{
	char *s;

	*len = fz_below(12);
	s = malloc(*len + 1);
	for (size_t i = 0; i < *len; i++)
		s[i] = "ab\xff"[fz_below(3)];
	s[*len] = '\0';
	return s;
}

FUZZ(strings_vs_libc, 100000)
{
	size_t la, lb, n = fz_below(16);
	char *a = small_string(&la), *b = small_string(&lb);
	int c = fz_chance(20) ? 0 : "abz\xff"[fz_below(4)];

	FZ_CHECK(pv_strlen(a) == la, "strlen");
	FZ_CHECK(pv_strnlen(a, n) == (n < la ? n : la), "strnlen %zu", n);
	FZ_CHECK(sign(pv_strcmp(a, b)) == sign(strcmp(a, b)), "strcmp %s %s", a,
		 b);
	FZ_CHECK(sign(pv_strncmp(a, b, n)) == sign(strncmp(a, b, n)),
		 "strncmp %s %s %zu", a, b, n);
	FZ_CHECK(pv_strchr(a, c) == strchr(a, c), "strchr %s %d", a, c);
	n = la < lb ? la : lb;
	FZ_CHECK(sign(pv_memcmp(a, b, n)) == sign(memcmp(a, b, n)),
		 "memcmp %s %s %zu", a, b, n);
	free(a);
	free(b);
}

FUZZ(memory_ops_vs_libc, 100000)
{
	size_t size = 1 + fz_below(64);
	unsigned char *mine = malloc(size), *want = malloc(size);
	size_t from = fz_below(size), to = fz_below(size);
	size_t n = fz_below(size - (from > to ? from : to) + 1);
	int c = (int)fz_u64();

	fz_fill(want, size);
	memcpy(mine, want, size);
	switch (fz_below(3)) {
	case 0:
		pv_memmove(mine + to, mine + from, n);
		memmove(want + to, want + from, n);
		break;
	case 1:
		pv_memset(mine + to, c, n);
		memset(want + to, c, n);
		break;
	default: /* non-overlapping halves */
		n = fz_below(size / 2 + 1);
		pv_memcpy(mine, mine + size - n, n);
		memcpy(want, want + size - n, n);
	}
	FZ_CHECK(!memcmp(mine, want, size), "size %zu from %zu to %zu n %zu",
		 size, from, to, n);
	free(mine);
	free(want);
}
