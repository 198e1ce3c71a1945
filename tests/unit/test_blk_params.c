/*
 * test_blk_params.c - a block backend's numbers checked, and the ring
 * order and request size chosen from them
 * (kernel/drivers/blk/blk_params.c).
 */
#include <pvmini/xen.h>
#include <xen/io/blkif.h>
#include "kernel/drivers/blk/blk_params.h"
#include "unit.h"

static struct blk_backend disk(unsigned long ss, unsigned long long sectors)
{
	return (struct blk_backend){ .sector_size = ss, .sectors = sectors };
}

TEST(sane_disks_pass)
{
	struct blk_backend b = disk(512, 2048);

	CHECK(!blk_backend_check(&b));
	b = disk(4096, 800);
	b.physical_sector_size = 4096;
	CHECK(!blk_backend_check(&b));
	b = disk(512, 0); /* an empty disk is a disk */
	CHECK(!blk_backend_check(&b));
	b = disk(512, 8);
	b.physical_sector_size = 4096;
	CHECK(!blk_backend_check(&b));
}

TEST(bad_sector_sizes_refused)
{
	unsigned long bad[] = { 0, 1, 256, 513, 1000, 8192, ~0UL };

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		struct blk_backend b = disk(bad[i], 64);

		CHECK(blk_backend_check(&b));
	}
}

TEST(physical_must_be_a_multiple)
{
	struct blk_backend b = disk(4096, 8);

	b.physical_sector_size = 512;
	CHECK(blk_backend_check(&b));
	b.physical_sector_size = 6144;
	CHECK(blk_backend_check(&b));
}

TEST(sizes_that_do_not_fit)
{
	struct blk_backend b = disk(512, ~0ULL);

	CHECK(blk_backend_check(&b));
	b = disk(512, (~0ULL >> 1) / 512 + 1);
	CHECK(blk_backend_check(&b));
	b = disk(512, (~0ULL >> 1) / 512);
	CHECK(!blk_backend_check(&b));
	b = disk(4096, 7); /* 512-byte units: not whole 4 KiB sectors */
	CHECK(blk_backend_check(&b));
}

TEST(ring_order_is_bounded)
{
	struct blk_backend b = { .max_ring_order = 4 };

	CHECK(blk_ring_order(&b, 0) == 0);
	CHECK(blk_ring_order(&b, 2) == 2);
	CHECK(blk_ring_order(&b, 9) == 4);
	b.max_ring_order = 0;
	CHECK(blk_ring_order(&b, 3) == 0);
	b.max_ring_order = 64;
	CHECK(blk_ring_order(&b, 64) == BLK_MAX_RING_ORDER);
}

TEST(segments_follow_indirect)
{
	struct blk_backend b = { 0 };

	CHECK(blk_max_segments(&b, 0) == BLKIF_MAX_SEGMENTS_PER_REQUEST);
	CHECK(blk_max_segments(&b, 200) == BLKIF_MAX_SEGMENTS_PER_REQUEST);
	b.max_indirect = 11;
	CHECK(blk_max_segments(&b, 200) == BLKIF_MAX_SEGMENTS_PER_REQUEST);
	b.max_indirect = 256;
	CHECK(blk_max_segments(&b, 0) == BLK_DEFAULT_SEGMENTS);
	CHECK(blk_max_segments(&b, 64) == 64);
	CHECK(blk_max_segments(&b, 1000) == 256);
	CHECK(blk_max_segments(&b, 3) == BLKIF_MAX_SEGMENTS_PER_REQUEST);
	b.max_indirect = 100;
	CHECK(blk_max_segments(&b, 1000) == 100);
	b.max_indirect = ~0UL;
	CHECK(blk_max_segments(&b, 1000) == BLK_MAX_SEGMENTS);
}
