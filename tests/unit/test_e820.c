/*
 * test_e820.c - the sanitizer (mm/e820.c) on crafted maps, and a fuzz run:
 * random maps checked against a brute-force oracle of what type each
 * address should have.
 */
#include "mm/e820.h"
#include "unit.h"

#define MB (1ULL << 20)

static struct e820_map m;

static void set(unsigned int n, const struct e820_entry *e)
{
	m.nr = n;
	memcpy(m.entry, e, n * sizeof(*e));
}

static int is(unsigned int i, uint64_t addr, uint64_t size, uint32_t type)
{
	return m.entry[i].addr == addr && m.entry[i].size == size &&
	       m.entry[i].type == type;
}

TEST(unsorted_becomes_sorted)
{
	const struct e820_entry e[] = { { 16 * MB, 16 * MB, E820_RAM },
					{ 0, 640 << 10, E820_RAM },
					{ 0xf0000, 0x10000, E820_RESERVED } };
	set(3, e);
	CHECK(e820_sanitize(&m) == 0);
	CHECK(m.nr == 3);
	CHECK(is(0, 0, 640 << 10, E820_RAM));
	CHECK(is(1, 0xf0000, 0x10000, E820_RESERVED));
	CHECK(is(2, 16 * MB, 16 * MB, E820_RAM));
}

TEST(reserved_wins_over_ram)
{
	const struct e820_entry e[] = { { 0, 16 * MB, E820_RAM },
					{ 8 * MB, MB, E820_RESERVED } };
	set(2, e);
	e820_sanitize(&m);
	CHECK(m.nr == 3);
	CHECK(is(0, 0, 8 * MB, E820_RAM));
	CHECK(is(1, 8 * MB, MB, E820_RESERVED));
	CHECK(is(2, 9 * MB, 7 * MB, E820_RAM));
}

TEST(higher_type_wins_between_non_ram)
{
	const struct e820_entry e[] = { { 0, 2 * MB, E820_ACPI },
					{ MB, 2 * MB, E820_NVS } };
	set(2, e);
	e820_sanitize(&m);
	CHECK(m.nr == 2);
	CHECK(is(0, 0, MB, E820_ACPI));
	CHECK(is(1, MB, 2 * MB, E820_NVS));
}

TEST(empty_entries_vanish_and_neighbours_merge)
{
	const struct e820_entry e[] = { { 0, MB, E820_RAM },
					{ MB, 0, E820_RESERVED },
					{ MB, MB, E820_RAM },
					{ 5 * MB, 0, E820_RAM } };
	set(4, e);
	e820_sanitize(&m);
	CHECK(m.nr == 1);
	CHECK(is(0, 0, 2 * MB, E820_RAM));
}

TEST(wrapping_size_is_cut)
{
	const struct e820_entry e[] = { { UINT64_MAX - 4095, 8192,
					  E820_RESERVED } };
	set(1, e);
	e820_sanitize(&m);
	CHECK(m.nr == 1 && m.entry[0].size == 4095);
}

TEST(too_many_entries_are_bounded)
{
	unsigned int dropped;

	/* 127 ACPI islands in one RAM range: 255 pieces, 128 fit. */
	m.nr = E820_MAX;
	m.entry[0] = (struct e820_entry){ 0, 1024 * MB, E820_RAM };
	for (unsigned int i = 1; i < E820_MAX; i++)
		m.entry[i] = (struct e820_entry){ i * 4 * MB, MB, E820_ACPI };
	dropped = e820_sanitize(&m);
	CHECK(dropped == 127);
	CHECK(m.nr == E820_MAX);
	CHECK(is(0, 0, 4 * MB, E820_RAM));
	CHECK(is(127, 256 * MB, MB, E820_ACPI)); /* the lowest 128 stay */
}

/* --- fuzz ----------------------------------------------------------- */

static uint64_t rng = 0x2545f4914f6cdd1dULL;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* The oracle: the strongest type covering addr in the original entries. */
static uint32_t oracle(const struct e820_entry *e, unsigned int n,
		       uint64_t addr)
{
	uint32_t best = 0;

	for (unsigned int i = 0; i < n; i++) {
		uint32_t t = e[i].type ? e[i].type : E820_RESERVED;
		uint64_t size = e[i].size;

		if (size > UINT64_MAX - e[i].addr)
			size = UINT64_MAX - e[i].addr;
		if (addr < e[i].addr || addr - e[i].addr >= size)
			continue;
		if (!best || (t != E820_RAM && (best == E820_RAM || t > best)))
			best = t;
	}
	return best;
}

static uint32_t lookup(uint64_t addr)
{
	for (unsigned int i = 0; i < m.nr; i++)
		if (addr >= m.entry[i].addr &&
		    addr - m.entry[i].addr < m.entry[i].size)
			return m.entry[i].type;
	return 0;
}

TEST(fuzz_sanitizer_against_oracle)
{
	static struct e820_entry orig[24];

	for (int iter = 0; iter < 20000; iter++) {
		unsigned int n = next() % 24;

		for (unsigned int i = 0; i < n; i++) {
			/* Small coordinates make overlaps common. */
			orig[i].addr = (next() % 64) * 0x800;
			orig[i].size = (next() % 16) * 0x800;
			orig[i].type = next() % 6;
		}
		set(n, orig);
		CHECK(e820_sanitize(&m) == 0);
		CHECK(m.nr <= E820_MAX);
		for (unsigned int i = 0; i < m.nr; i++) {
			CHECK(m.entry[i].size > 0);
			CHECK(m.entry[i].type != 0);
			if (i) { /* sorted, disjoint, merged */
				uint64_t prev_end = m.entry[i - 1].addr +
						    m.entry[i - 1].size;
				CHECK(prev_end <= m.entry[i].addr);
				CHECK(prev_end < m.entry[i].addr ||
				      m.entry[i - 1].type != m.entry[i].type);
			}
		}
		/* Every address, at page-half granularity, has its type. */
		for (uint64_t a = 0; a < 80 * 0x800; a += 0x400)
			CHECK(lookup(a) == oracle(orig, n, a));
	}
}
