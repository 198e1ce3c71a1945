/*
 * blk_params.h - what a block backend says about its disk, checked, and
 * what the frontend asks for in return (kernel/drivers/blk/blk_params.c,
 * pure: tests/unit/test_blk_params.c). The keys are blkif.h's (Xen's
 * xen/io/blkif.h); docs/blk.md lists them.
 */
#ifndef KERNEL_DRIVERS_BLK_BLK_PARAMS_H
#define KERNEL_DRIVERS_BLK_BLK_PARAMS_H

#include <pvmini/lib.h>

/* The frontend's own bounds. */
#define BLK_MAX_RING_ORDER 4	/* 16 pages, 512 requests */
#define BLK_MAX_SEGMENTS 256	/* one indirect page holds 512 */
#define BLK_DEFAULT_SEGMENTS 32 /* docs/blk.md: measured */

struct blk_backend {
	/* Before we connect (the backend writes them when it starts). */
	unsigned long max_ring_order; /* max-ring-page-order, default 0 */
	unsigned long max_indirect;   /* feature-max-indirect-segments, 0 */
	/* Once it is Connected. */
	unsigned long long sectors; /* in 512-byte units (see below) */
	unsigned long sector_size, physical_sector_size; /* 0: absent */
	unsigned long info;				 /* VDISK_* bits */
	bool flush, barrier;
};

/*
 * NULL if the disk can be used; otherwise why not, for a message.
 * sector-size must be a power of two from 512 to a page (a request's
 * pieces are pages); physical-sector-size (if given) a multiple of it;
 * the size a whole number of sectors that fits in 63 bits of bytes.
 */
const char *blk_backend_check(const struct blk_backend *b);

/* The ring order to ask for: the wish, within what the backend offers
 * and BLK_MAX_RING_ORDER. */
unsigned int blk_ring_order(const struct blk_backend *b, unsigned int want);
/* Pages per ring request: BLKIF_MAX_SEGMENTS_PER_REQUEST without
 * indirect requests; with them the wish (0: BLK_DEFAULT_SEGMENTS)
 * within the backend's and BLK_MAX_SEGMENTS, never below the direct
 * maximum. */
unsigned int blk_max_segments(const struct blk_backend *b, unsigned int want);

#endif
