/*
 * test_blk_seg.c - cutting buffers into segments and writing blkif
 * requests (kernel/drivers/blk/blk_seg.c).
 */
#include "kernel/drivers/blk/blk_seg.h"
#include "unit.h"

static struct blk_seg segs[300];
static unsigned int n;

#define PG 4096UL
#define BASE 0x100000UL /* any page-aligned address: nothing is touched */

TEST(page_aligned_buffer)
{
	CHECK(blk_seg_plan(BASE, 2 * PG, 32, segs, &n) == 2 * PG);
	CHECK(n == 2);
	CHECK(segs[0].page == BASE && segs[0].first == 0 && segs[0].last == 7);
	CHECK(segs[1].page == BASE + PG && segs[1].first == 0 &&
	      segs[1].last == 7);
}

TEST(buffer_across_pages)
{
	/* 512 bytes in, 4 KiB long: the end of one page, the start of
	 * the next. */
	CHECK(blk_seg_plan(BASE + 512, PG, 32, segs, &n) == PG);
	CHECK(n == 2);
	CHECK(segs[0].first == 1 && segs[0].last == 7);
	CHECK(segs[1].page == BASE + PG && segs[1].first == 0 &&
	      segs[1].last == 0);
}

TEST(one_sector_inside_a_page)
{
	CHECK(blk_seg_plan(BASE + 3 * 512, 512, 1, segs, &n) == 512);
	CHECK(n == 1 && segs[0].first == 3 && segs[0].last == 3);
}

TEST(max_segments_cut_at_a_page_end)
{
	/* 11 segments from 1 KiB into a page: 3 KiB + 10 pages. */
	size_t got = blk_seg_plan(BASE + 1024, 64 * PG, 11, segs, &n);

	CHECK(n == 11);
	CHECK(got == 3072 + 10 * PG);
	CHECK(segs[10].page == BASE + 10 * PG && segs[10].last == 7);
	got = blk_seg_plan(BASE, 256 * PG, 256, segs, &n);
	CHECK(n == 256 && got == 256 * PG);
}

TEST(direct_request)
{
	struct blkif_request req = { .id = 0x1234560007 };
	grant_ref_t refs[2] = { 40, 41 };

	blk_seg_plan(BASE + 512, PG, 11, segs, &n);
	blk_fill_rw(&req, BLKIF_OP_WRITE, 51712, 99, segs, refs, n);
	CHECK(req.id == 0x1234560007);
	CHECK(req.operation == BLKIF_OP_WRITE && req.nr_segments == 2);
	CHECK(req.handle == 51712 && req.sector_number == 99);
	CHECK(req.seg[0].gref == 40 && req.seg[0].first_sect == 1 &&
	      req.seg[0].last_sect == 7);
	CHECK(req.seg[1].gref == 41 && req.seg[1].last_sect == 0);
	grant_ref_t out[16];
	CHECK(blk_req_refs(&req, NULL, out, 16) == 2);
	CHECK(out[0] == 40 && out[1] == 41);
}

TEST(indirect_request)
{
	static struct blkif_request_segment ipage[BLK_SEGS_PER_IPAGE];
	struct blkif_request req = { .id = 77 };
	struct blkif_request_indirect ind;
	static grant_ref_t refs[64], out[64];

	for (unsigned int i = 0; i < 64; i++)
		refs[i] = 100 + i;
	blk_seg_plan(BASE, 64 * PG, 64, segs, &n);
	blk_fill_indirect(&req, BLKIF_OP_READ, 51728, 8, segs, refs, n, ipage,
			  999);
	memcpy(&ind, &req, sizeof(ind));
	CHECK(ind.operation == BLKIF_OP_INDIRECT);
	CHECK(ind.indirect_op == BLKIF_OP_READ && ind.nr_segments == 64);
	CHECK(ind.id == 77 && ind.sector_number == 8 && ind.handle == 51728);
	CHECK(ind.indirect_grefs[0] == 999 && ind.indirect_grefs[1] == 0);
	CHECK(ipage[63].gref == 163 && ipage[63].first_sect == 0 &&
	      ipage[63].last_sect == 7);
	CHECK(blk_req_refs(&req, ipage, out, 64) == 64 && out[5] == 105);
	CHECK(blk_req_refs(&req, NULL, out, 64) == 0);
}

TEST(flush_request)
{
	struct blkif_request req = { .id = 5, .nr_segments = 3 };

	blk_fill_flush(&req, BLKIF_OP_FLUSH_DISKCACHE, 1);
	CHECK(req.id == 5 && req.nr_segments == 0);
	CHECK(req.operation == BLKIF_OP_FLUSH_DISKCACHE);
}

TEST(refs_of_a_request_with_too_many_segments)
{
	/* Our own shadow never says more than 11; bounded all the same. */
	struct blkif_request req = { .operation = BLKIF_OP_READ,
				     .nr_segments = 200 };
	grant_ref_t out[300];

	CHECK(blk_req_refs(&req, NULL, out, 300) ==
	      BLKIF_MAX_SEGMENTS_PER_REQUEST);
}
