/*
 * test_bytes_pattern.c - the /bytes/N text of apps/httpd: bytes_fill
 * against a line printed by the host's snprintf, from every offset and
 * across digit carries; bytes_check finds each wrong byte; the N a path
 * names.
 */
#include <stdint.h>
#include <stdlib.h>

#include "apps/httpd/bytes_pattern.h"
#include "unit.h"

/* The definition, the slow way: print each line. */
static void reference(char *buf, uint64_t off, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint64_t o = off + i;
		char line[24];

		/* 15 digits: the offset modulo 2^60 */
		snprintf(line, sizeof(line), "%015llx\n",
			 (unsigned long long)((o - o % 16) &
					      ((1ULL << 60) - 1)));
		buf[i] = line[o % 16];
	}
}

TEST(fill_matches_printed_lines)
{
	/* starts at every column, near carries of each digit */
	static const uint64_t bases[] = { 0,	      0xf0,
					  0xff0,      0x9990,
					  0xfffff0,   0x12345678f0,
					  1ULL << 40, (1ULL << 60) - 64 };
	char *got = malloc(300), *want = malloc(300);

	for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++)
		for (uint64_t off = bases[b]; off < bases[b] + 40; off++)
			for (size_t len = 0; len <= 300; len += 37) {
				bytes_fill(got, off, len);
				reference(want, off, len);
				CHECK(!memcmp(got, want, len));
			}
	free(got);
	free(want);
}

TEST(check_finds_every_wrong_byte)
{
	char buf[100];

	bytes_fill(buf, 1000, sizeof(buf));
	CHECK(bytes_check(buf, 1000, sizeof(buf)) == sizeof(buf));
	CHECK(bytes_check(buf, 1016, sizeof(buf)) < 16); /* a line off */
	for (size_t i = 0; i < sizeof(buf); i++) {
		buf[i] ^= 0x20;
		CHECK(bytes_check(buf, 1000, sizeof(buf)) == i);
		buf[i] ^= 0x20;
	}
}

TEST(parse_the_count)
{
	uint64_t n = 7;

	CHECK(bytes_parse("/bytes/0", &n) && n == 0);
	CHECK(bytes_parse("/bytes/10485760", &n) && n == 10485760);
	CHECK(bytes_parse("/bytes/1099511627776", &n) && n == BYTES_MAX);
	CHECK(bytes_parse("/bytes/00012", &n) && n == 12);
	n = 7;
	CHECK(!bytes_parse("/bytes/1099511627777", &n));
	CHECK(!bytes_parse("/bytes/99999999999999999999999", &n));
	CHECK(!bytes_parse("/bytes/", &n));
	CHECK(!bytes_parse("/bytes", &n));
	CHECK(!bytes_parse("/bytes/12a", &n));
	CHECK(!bytes_parse("/bytes/-1", &n));
	CHECK(!bytes_parse("/bytes/+1", &n));
	CHECK(!bytes_parse("/bytes/1/", &n));
	CHECK(!bytes_parse("/bytesx/1", &n));
	CHECK(n == 7);
}
