/*
 * test_inet.c - IPv4 addresses as text (lib/newlib/inet.c), against the
 * host's C library (glibc) where both follow POSIX, and on their own
 * where the grammar is ours.
 */
#include <arpa/inet.h>
#include <errno.h>

#include "unit.h"

in_addr_t pv_inet_addr(const char *s);
int pv_inet_aton(const char *s, struct in_addr *out);
char *pv_inet_ntoa(struct in_addr in);
int pv_inet_pton(int af, const char *src, void *dst);
const char *pv_inet_ntop(int af, const void *src, char *dst, socklen_t size);

static const char *const texts[] = {
	"0.0.0.0",    "127.0.0.1",     "255.255.255.255", "1.2.3.4",
	"10.0.0.1",   "192.168.1.100", "256.1.1.1",	  "1.2.3",
	"1.2.3.4.5",  "01.2.3.4",      "1.2.3.04",	  "0x7f.0.0.1",
	" 1.2.3.4",   "1.2.3.4 ",      "1.2.3.4x",	  "",
	"1..2.3",     "1.2.3.",	       ".1.2.3",	  "10",
	"10.1",	      "10.1.2",	       "0x0a.1",	  "012.1.2.3",
	"4294967295", "4294967296",    "1.16777215",	  "1.16777216",
	"1.2.65535",  "1.2.65536",     "08.1.2.3",	  "0x",
	"1.2.3.4\t",  "1.2.3.4\nx",    "1.2.3.0x1g",	  "255.255.255.256",
	"1.2.3.1000", "0000.0.0.1",    "1.2.3.4 junk",	  "00.1.2.3",
};

TEST(pton_matches_glibc)
{
	for (unsigned i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		unsigned char a[4] = { 9, 9, 9, 9 }, b[4] = { 9, 9, 9, 9 };
		int mine = pv_inet_pton(AF_INET, texts[i], a);
		int host = inet_pton(AF_INET, texts[i], b);

		if (mine != host || memcmp(a, b, 4)) {
			printf("  \"%s\": ours %d, glibc %d\n", texts[i], mine,
			       host);
			CHECK(mine == host && !memcmp(a, b, 4));
		}
	}
}

TEST(aton_and_addr_match_glibc)
{
	for (unsigned i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct in_addr a = { 7 }, b = { 7 };
		int mine = pv_inet_aton(texts[i], &a);
		int host = inet_aton(texts[i], &b);

		if (mine != host || (mine && a.s_addr != b.s_addr) ||
		    pv_inet_addr(texts[i]) != inet_addr(texts[i])) {
			printf("  \"%s\": ours %d %08x, glibc %d %08x\n",
			       texts[i], mine, a.s_addr, host, b.s_addr);
			CHECK(0);
		}
	}
}

TEST(pton_refuses_other_families)
{
	unsigned char a[16];

	errno = 0;
	CHECK(pv_inet_pton(AF_INET6, "::1", a) == -1 && errno == EAFNOSUPPORT);
	CHECK(pv_inet_pton(12345, "1.2.3.4", a) == -1 && errno == EAFNOSUPPORT);
}

TEST(ntop_formats_and_checks_room)
{
	unsigned char a[4] = { 192, 168, 0, 7 }, z[4] = { 0 },
		      m[4] = { 255, 255, 255, 255 };
	char out[INET_ADDRSTRLEN];

	CHECK_STR(pv_inet_ntop(AF_INET, a, out, sizeof(out)), "192.168.0.7");
	CHECK_STR(pv_inet_ntop(AF_INET, z, out, sizeof(out)), "0.0.0.0");
	CHECK_STR(pv_inet_ntop(AF_INET, m, out, 16), "255.255.255.255");
	/* "192.168.0.7" and its NUL: 12 bytes; 11 are too few. */
	CHECK(pv_inet_ntop(AF_INET, a, out, 12) == out);
	errno = 0;
	CHECK(!pv_inet_ntop(AF_INET, a, out, 11) && errno == ENOSPC);
	errno = 0;
	CHECK(!pv_inet_ntop(AF_INET6, a, out, sizeof(out)) &&
	      errno == EAFNOSUPPORT);
}

TEST(ntoa_round_trips)
{
	struct in_addr a = { htonl(0x0a000102) };

	CHECK_STR(pv_inet_ntoa(a), "10.0.1.2");
	CHECK_STR(pv_inet_ntoa((struct in_addr){ 0 }), "0.0.0.0");
}
