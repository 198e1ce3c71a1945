/*
 * test_sha256.c - blkinfo's SHA-256 (apps/blkinfo/sha256.c) against
 * the standard's examples (FIPS 180-4's one-block, two-block and
 * million-'a' messages), the empty message, the padding's edges (55,
 * 56, 63, 64 bytes ...), and any way of cutting the input into updates
 * giving the one digest.
 */
#include <stdlib.h>
#include "apps/blkinfo/sha256.h"
#include "unit.h"

static char hex[65];

static const char *digest_of(const void *p, size_t n)
{
	struct sha256 s;
	uint8_t d[32];

	sha256_init(&s);
	sha256_update(&s, p, n);
	sha256_final(&s, d);
	sha256_hex(d, hex);
	return hex;
}

TEST(fips_vectors)
{
	CHECK_STR(digest_of("abc", 3), "ba7816bf8f01cfea414140de5dae2223"
				       "b00361a396177a9cb410ff61f20015ad");
	CHECK_STR(digest_of("", 0), "e3b0c44298fc1c149afbf4c8996fb924"
				    "27ae41e4649b934ca495991b7852b855");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomn"
			  "opnopq";
	CHECK_STR(digest_of(two, strlen(two)),
		  "248d6a61d20638b8e5c026930c3e6039"
		  "a33ce45964ff2167f6ecedd419db06c1");
}

TEST(a_million_a)
{
	char *a = malloc(1000000);
	struct sha256 s;
	uint8_t d[32];

	memset(a, 'a', 1000000);
	sha256_init(&s);
	for (size_t at = 0; at < 1000000; at += 999) /* odd pieces */
		sha256_update(&s, a + at,
			      at + 999 > 1000000 ? 1000000 - at : 999);
	sha256_final(&s, d);
	sha256_hex(d, hex);
	free(a);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
		       "f1809a48a497200e046d39ccc7112cd0");
}

TEST(padding_edges)
{
	/* n bytes of 'x' around the 56- and 64-byte edges of the padding
	 * (digests from Python's hashlib). */
	static const struct {
		size_t n;
		const char *hex;
	} v[] = {
		{ 55, "d5e285683cd4efc02d021a5c62014694"
		      "958901005d6f71e89e0989fac77e4072" },
		{ 56, "04c26261370ee7541549d16dee320c72"
		      "3e3fd14671e66a099afe0a377c16888e" },
		{ 63, "75220b47218278e656f2013bb8f0c455"
		      "a25eaf01e86c64924e9d48d89776d6f2" },
		{ 64, "7ce100971f64e7001e8fe5a51973ecdf"
		      "e1ced42befe7ee8d5fd6219506b5393c" },
		{ 65, "9537c5fdf120482f7d58d25e9ed583f5"
		      "2c02b4e304ea814db1633ad565aed7e9" },
		{ 119, "000b48d4edf0fa7bee3c6236ecd2785b"
		       "aa5db4eeb8bb54341b029e0d9fa5fb0c" },
		{ 120, "13f05a0b594787f5ecd315edc96141bd"
		       "3243203d1b7d4f0836f37308b276ba98" },
	};
	char buf[130];

	memset(buf, 'x', sizeof(buf));
	for (unsigned int i = 0; i < ARRAY_SIZE(v); i++)
		CHECK_STR(digest_of(buf, v[i].n), v[i].hex);
}

TEST(any_cut_gives_the_same_digest)
{
	char buf[130], whole[65];

	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 + 1);
	for (size_t n = 0; n < sizeof(buf); n++) {
		strcpy(whole, digest_of(buf, n));
		for (size_t cut = 0; cut <= n; cut++) {
			struct sha256 s;
			uint8_t d[32];

			sha256_init(&s);
			sha256_update(&s, buf, cut);
			sha256_update(&s, buf + cut, n - cut);
			sha256_final(&s, d);
			sha256_hex(d, hex);
			CHECK_STR(hex, whole);
		}
	}
}
