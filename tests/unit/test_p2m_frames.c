/*
 * test_p2m_frames.c - the p2m frame list (mm/p2m_frames.c): the sizes
 * of each level, and that walking it the way the toolstack does
 * (xg_sr_save_x86_pv.c, map_p2m_tree) reaches, for every pfn, the page
 * of the table that holds its entry; unused slots name no frame, and a
 * page without a frame or an unaligned table is refused.
 */
#include <stdlib.h>
#include <pvmini/xen.h>
#include "mm/p2m_frames.h"
#include "unit.h"

#define PAGE 4096UL

/* A fake machine: page at address a is frame (a / PAGE) ^ KEY, so that
 * frames are not addresses and the walk must go through the lists. */
#define KEY 0x5a5a5UL
static unsigned long fake_mfn(const void *page)
{
	return ((uintptr_t)page / PAGE) ^ KEY;
}
static unsigned long frameless_at; /* this page has no frame */
static unsigned long gappy_mfn(const void *page)
{
	return (uintptr_t)page / PAGE == frameless_at ? ~0UL : fake_mfn(page);
}
static const void *page_of(unsigned long mfn)
{
	return (const void *)((mfn ^ KEY) * PAGE);
}

static void *pages(unsigned long n)
{
	void *p = aligned_alloc(PAGE, n * PAGE);

	memset(p, 0xee, n * PAGE);
	return p;
}

/* Builds for size entries and checks every pfn through the walk. */
static int walk_ok(unsigned long size)
{
	struct p2m_frames_layout l;
	unsigned long *table, *mid, *fll;
	int bad = 0;

	if (p2m_frames_layout(size, &l))
		return 0;
	table = pages(l.leaves);
	mid = pages(l.mids);
	fll = pages(1);
	if (p2m_frames_build(table, size, &l, mid, fll, fake_mfn))
		bad++;
	for (unsigned long pfn = 0; pfn < size && !bad; pfn++) {
		const unsigned long *m = page_of(fll[pfn / (512 * 512)]);
		const unsigned long *leaf = page_of(m[pfn / 512 % 512]);

		if (leaf != table + pfn / 512 * 512)
			bad++;
	}
	/* Slots past the last leaf and the last mid name no frame. */
	for (unsigned long i = l.leaves; i < l.mids * 512; i++)
		bad += mid[i] != ~0UL;
	for (unsigned long i = l.mids; i < 512; i++)
		bad += fll[i] != ~0UL;
	free(table);
	free(mid);
	free(fll);
	return !bad;
}

TEST(layout_sizes)
{
	struct p2m_frames_layout l;

	CHECK(p2m_frames_layout(1, &l) == 0 && l.leaves == 1 && l.mids == 1);
	CHECK(p2m_frames_layout(512, &l) == 0 && l.leaves == 1);
	CHECK(p2m_frames_layout(513, &l) == 0 && l.leaves == 2);
	/* 32 MiB: 8192 pfns, 16 leaves */
	CHECK(p2m_frames_layout(8192, &l) == 0 && l.leaves == 16 &&
	      l.mids == 1);
	CHECK(p2m_frames_layout(512 * 512, &l) == 0 && l.leaves == 512 &&
	      l.mids == 1);
	CHECK(p2m_frames_layout(512 * 512 + 1, &l) == 0 && l.leaves == 513 &&
	      l.mids == 2);
	/* 2400 MiB (tests/boot/highmem-xl.t) */
	CHECK(p2m_frames_layout(614400, &l) == 0 && l.leaves == 1200 &&
	      l.mids == 3);
	CHECK(p2m_frames_layout(P2M_FRAMES_MAX_PFNS, &l) == 0 && l.mids == 512);
	CHECK(p2m_frames_layout(P2M_FRAMES_MAX_PFNS + 1, &l) == -XEN_E2BIG);
	CHECK(p2m_frames_layout(0, &l) == -XEN_EINVAL);
}

TEST(walk_reaches_every_entry)
{
	static const unsigned long sizes[] = {
		1, 511, 512, 513, 8192, 8193, 614400, 512 * 512, 512 * 512 + 1
	};

	for (unsigned int i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		CHECK(walk_ok(sizes[i]));
}

TEST(refuses_unaligned_table_or_frameless_page)
{
	struct p2m_frames_layout l;
	unsigned long *table = pages(3), *mid = pages(1), *fll = pages(1);

	CHECK(p2m_frames_layout(1024, &l) == 0);
	CHECK(p2m_frames_build(table + 1, 1024, &l, mid, fll, fake_mfn) ==
	      -XEN_EINVAL);
	/* a layout for another size */
	l.leaves = 3;
	CHECK(p2m_frames_build(table, 1024, &l, mid, fll, fake_mfn) ==
	      -XEN_EINVAL);
	CHECK(p2m_frames_layout(1024, &l) == 0);
	frameless_at = (uintptr_t)(table + 512) / PAGE; /* the second leaf */
	CHECK(p2m_frames_build(table, 1024, &l, mid, fll, gappy_mfn) ==
	      -XEN_EINVAL);
	frameless_at = (uintptr_t)mid / PAGE; /* the mid page itself */
	CHECK(p2m_frames_build(table, 1024, &l, mid, fll, gappy_mfn) ==
	      -XEN_EINVAL);
	frameless_at = 0;
	CHECK(p2m_frames_build(table, 1024, &l, mid, fll, gappy_mfn) == 0);
	free(table);
	free(mid);
	free(fll);
}
