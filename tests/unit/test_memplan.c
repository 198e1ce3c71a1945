/*
 * test_memplan.c - the release/identity and extra planner (mm/memplan.c)
 * on the maps a PV guest meets, asserting exact pfn ranges.
 */
#include "mm/memplan.h"
#include "unit.h"

#define KB 1024ULL
#define MB (1024 * KB)
#define GB (1024 * MB)

static struct e820_map m;
static struct hole_plan h;
static struct extra_plan x;

static void map(unsigned int n, const struct e820_entry *e)
{
	m.nr = n;
	memcpy(m.entry, e, n * sizeof(*e));
	e820_sanitize(&m);
}

static int range(const struct pfn_range *r, unsigned long s, unsigned long e)
{
	return r->start == s && r->end == e;
}

/* QEMU's PC map, as Xen shows dom0: ISA hole with unaligned edges. */
static const struct e820_entry pc[] = {
	{ 0, 0x9fc00, E820_RAM },
	{ 0x9fc00, 0x400, E820_RESERVED },
	{ 0xf0000, 0x10000, E820_RESERVED },
	{ MB, 511 * MB - 128 * KB, E820_RAM },
	{ 512 * MB - 128 * KB, 128 * KB, E820_RESERVED },
	{ 4 * GB - 256 * KB, 256 * KB, E820_RESERVED },
};

TEST(unaligned_isa_hole_is_rounded_out)
{
	map(6, pc);
	CHECK(plan_holes(&m, 16384, 0x20, &h) == 0);
	CHECK(h.nr_identity == 2);
	/* 0x9fc00 rounds down to pfn 0x9f, 1 MiB up to 0x100. */
	CHECK(range(&h.identity[0], 0x9f, 0x100));
	/* From the last RAM's end to the end of the map. */
	CHECK(range(&h.identity[1], 0x1ffe0, 0x100000));
	CHECK(h.nr_release == 1 && range(&h.release[0], 0x9f, 0x100));
	CHECK(h.release_pages == 0x61 && h.nr_kept == 0);
}

TEST(boot_image_in_a_hole_is_kept)
{
	map(6, pc);
	CHECK(plan_holes(&m, 16384, 0xb0, &h) == 0);
	CHECK(h.nr_kept == 1 && range(&h.kept[0], 0x9f, 0xb0));
	CHECK(range(&h.identity[0], 0xb0, 0x100));
	CHECK(range(&h.release[0], 0xb0, 0x100));
}

TEST(single_entry_fallback_has_no_holes)
{
	const struct e820_entry e[] = { { 0, 32 * MB + 8 * MB, E820_RAM } };

	map(1, e);
	CHECK(plan_holes(&m, 8192, 100, &h) == 0);
	CHECK(h.nr_identity == 0 && h.nr_release == 0);
	plan_extra(&m, 8192, 8192, 0, &x);
	CHECK(x.nr == 0 && x.wanted == 0 && x.max_pfn == 8192);
}

TEST(map_that_ends_in_a_hole)
{
	const struct e820_entry e[] = { { 0, 32 * MB, E820_RAM },
					{ 32 * MB, MB, E820_RESERVED } };
	map(2, e);
	CHECK(plan_holes(&m, 8448, 10, &h) == 0);
	CHECK(h.nr_identity == 1 && range(&h.identity[0], 8192, 8448));
	CHECK(h.nr_release == 1 && range(&h.release[0], 8192, 8448));
}

TEST(ram_above_4g_and_the_pci_hole)
{
	const struct e820_entry e[] = { { 0, 3 * GB, E820_RAM },
					{ 3 * GB, GB / 2, E820_RESERVED },
					{ 4 * GB, 2 * GB, E820_RAM } };
	map(3, e);
	CHECK(plan_holes(&m, 1 << 18, 10, &h) == 0);
	/* The reserved part and the gap after it are one hole. */
	CHECK(h.nr_identity == 1 && range(&h.identity[0], 0xc0000, 0x100000));
	CHECK(h.nr_release == 0); /* all above the 1 GiB we were given */
	plan_extra(&m, 1 << 18, 0x120000, 0, &x);
	CHECK(x.nr == 2);
	CHECK(range(&x.region[0], 1 << 18, 0xc0000));
	CHECK(range(&x.region[1], 0x100000, 0x100000 + 0x120000 - 0xc0000));
	CHECK(x.unplaced == 0 && x.max_pfn == x.region[1].end);
}

TEST(nr_pages_beyond_the_last_ram_entry)
{
	const struct e820_entry e[] = { { 0, 16 * MB, E820_RAM } };

	map(1, e);
	CHECK(plan_holes(&m, 8192, 10, &h) == 0);
	CHECK(h.nr_identity == 0);
	CHECK(h.nr_release == 1 && range(&h.release[0], 4096, 8192));
	plan_extra(&m, 8192, 8192, 4096, &x);
	CHECK(x.wanted == 4096 && x.nr == 0 && x.unplaced == 4096);
}

TEST(extra_fills_the_map_above_the_allocation)
{
	/* xl with memory=16, maxmem=64: map up to maxmem plus slack. */
	const struct e820_entry e[] = { { 0, 72 * MB, E820_RAM } };

	map(1, e);
	plan_extra(&m, 4096, 16384, 0, &x);
	CHECK(x.nr == 1 && range(&x.region[0], 4096, 16384));
	CHECK(x.pages == 12288 && x.unplaced == 0 && x.max_pfn == 16384);
}

TEST(extra_is_capped_by_the_ratio)
{
	const struct e820_entry e[] = { { 0, 64 * GB, E820_RAM } };

	map(1, e);
	plan_extra(&m, 1000, 1000 + 50000, 0, &x);
	CHECK(x.wanted == 50000 && x.clamped == 50000 - 10000);
	CHECK(x.pages == 10000 && range(&x.region[0], 1000, 11000));
}

TEST(nonsense_maps_are_refused)
{
	const struct e820_entry none[] = { { 0, 16 * MB, E820_RESERVED } };
	const struct e820_entry tiny[] = { { 0, 64 * KB, E820_RAM } };

	map(1, none);
	CHECK(plan_holes(&m, 4096, 10, &h) == -1);
	CHECK(strstr(h.error, "no RAM") != NULL);
	map(1, tiny);
	CHECK(plan_holes(&m, 4096, 100, &h) == -1);
	CHECK(strstr(h.error, "kernel image") != NULL);
}

/*
 * Gaps are not entries: n RAM entries with gaps between them have n - 1
 * holes, and one more before the first if it starts above 0. 100 such
 * entries overflowed the 66 ranges the plan had room for.
 */
TEST(hundred_ram_islands_plan_every_hole)
{
	m.nr = 100;
	for (unsigned int i = 0; i < 100; i++)
		m.entry[i] = (struct e820_entry){ 2 * i * MB, MB, E820_RAM };
	CHECK(e820_sanitize(&m) == 0 && m.nr == 100);
	CHECK(plan_holes(&m, 51200, 10, &h) == 0);
	CHECK(h.nr_identity == 99 && h.identity_pages == 99 * 256);
	for (unsigned int i = 0; i < 99; i++)
		CHECK(range(&h.identity[i], (2 * i + 1) * 256,
			    (2 * i + 2) * 256));
	/* Every hole is below the allocation, and so is the map's end. */
	CHECK(h.nr_release == 100);
	CHECK(range(&h.release[99], 199 * 256, 51200));
	CHECK(h.release_pages == 99 * 256 + 51200 - 199 * 256);
}

/* The most a full map can need: a hole before each of E820_MAX entries. */
TEST(full_map_of_ram_islands_fits_the_plan)
{
	m.nr = E820_MAX;
	for (unsigned int i = 0; i < E820_MAX; i++)
		m.entry[i] =
			(struct e820_entry){ (2 * i + 1) * MB, MB, E820_RAM };
	CHECK(e820_sanitize(&m) == 0 && m.nr == E820_MAX);
	CHECK(plan_holes(&m, 2 * E820_MAX * 256 + 256, 0, &h) == 0);
	CHECK(h.nr_identity == E820_MAX && h.nr_release == E820_MAX + 1);
	CHECK(range(&h.identity[0], 0, 256));
	CHECK(range(&h.identity[E820_MAX - 1], (2 * E820_MAX - 2) * 256,
		    (2 * E820_MAX - 1) * 256));
	CHECK(range(&h.release[E820_MAX], 2 * E820_MAX * 256,
		    2 * E820_MAX * 256 + 256));
}

/*
 * The sanitizer cuts an entry that would wrap to end at UINT64_MAX.
 * Rounding that end up to a page must not wrap to pfn 0 (which made the
 * map "end inside the kernel image").
 */
TEST(map_ending_at_2_64_is_not_inside_the_kernel_image)
{
	const struct e820_entry e[] = {
		{ 0, 64 * MB, E820_RAM },
		{ 4 * GB, UINT64_MAX, E820_RESERVED },
	};

	map(2, e);
	CHECK(m.nr == 2 && m.entry[1].addr + m.entry[1].size == UINT64_MAX);
	CHECK(plan_holes(&m, 16384, 100, &h) == 0);
	CHECK(h.nr_identity == 1);
	CHECK(range(&h.identity[0], 16384, 1UL << 52));
	CHECK(h.nr_release == 0);
}

/* The same wrap in the extra planner put extra pages on no RAM at all. */
TEST(ram_in_the_last_page_of_2_64_gives_no_extra_region)
{
	const struct e820_entry e[] = {
		{ 0, 64 * MB, E820_RAM },
		{ UINT64_MAX - 2048, 2048, E820_RAM },
	};

	map(2, e);
	plan_extra(&m, 16384, 32768, 0, &x);
	CHECK(x.nr == 0 && x.pages == 0 && x.unplaced == 16384);
}

/*
 * A RAM entry shorter than a page between two holes: both holes round
 * out to its page. The plan must not list that pfn twice (it was counted
 * twice in identity_pages and release_pages).
 */
TEST(sub_page_ram_between_holes_gives_disjoint_ranges)
{
	const struct e820_entry e[] = {
		{ 0, 0x10000, E820_RAM },
		{ 0x10000, 0x1100, E820_RESERVED },
		{ 0x11100, 0x100, E820_RAM },
		{ 0x11200, 0xee00, E820_RESERVED },
		{ 0x20000, 4 * MB, E820_RAM },
	};

	map(5, e);
	CHECK(plan_holes(&m, 1024, 8, &h) == 0);
	CHECK(h.nr_identity == 1 && range(&h.identity[0], 0x10, 0x20));
	CHECK(h.identity_pages == 0x10);
	CHECK(h.nr_release == 1 && h.release_pages == 0x10);
}
