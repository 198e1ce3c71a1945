/* test_ksyms.c - address to name lookup (lib/ksyms.c). */
#include "lib/ksyms.h"
#include "unit.h"

static const uint64_t addrs[] = { 0x1000, 0x1000, 0x1040, 0x2000 };
static const uint32_t offs[] = { 0, 7, 13, 19 };
static const char names[] = "_start\0alias\0func2\0last";
static const struct ksym_table table = { 4, addrs, offs, names, 0x2100 };

TEST(exact_and_inside)
{
	uint64_t off = 99;

	CHECK_STR(ksym_lookup(&table, 0x1040, &off), "func2");
	CHECK(off == 0);
	CHECK_STR(ksym_lookup(&table, 0x1fff, &off), "func2");
	CHECK(off == 0xfbf);
	CHECK_STR(ksym_lookup(&table, 0x20ff, &off), "last");
	CHECK(off == 0xff);
}

TEST(aliases_resolve_to_one_name)
{
	uint64_t off;

	CHECK_STR(ksym_lookup(&table, 0x1004, &off), "alias");
	CHECK(off == 4);
}

TEST(outside_names_nothing)
{
	uint64_t off;
	static const struct ksym_table empty = { 0, NULL, NULL, "", 0 };

	CHECK(ksym_lookup(&table, 0xfff, &off) == NULL);
	CHECK(ksym_lookup(&table, 0x2100, &off) == NULL);
	CHECK(ksym_lookup(&empty, 0x1000, &off) == NULL);
}
