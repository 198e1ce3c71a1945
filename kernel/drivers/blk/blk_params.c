/*
 * blk_params.c - checking a block backend's numbers and choosing ours
 * (blk_params.h). The numbers come from another domain's xenstore
 * nodes: each is bounded here before it sizes anything.
 *
 * `sectors` counts 512-byte units whatever sector-size says: that is
 * what Linux's blkback writes (the size of its block device in 512-byte
 * sectors) and what Linux's blkfront reads, although blkif.h speaks of
 * sector-size units (the two agree for 512-byte sectors, the only size
 * a loop device has). The ring's sector numbers are 512-byte units too.
 */
#include <pvmini/xen.h>
#include <xen/io/blkif.h>
#include "kernel/drivers/blk/blk_params.h"

#define PAGE_BYTES 4096UL

static bool pow2(unsigned long v)
{
	return v && !(v & (v - 1));
}

const char *blk_backend_check(const struct blk_backend *b)
{
	unsigned long ss = b->sector_size, pss = b->physical_sector_size;

	if (!pow2(ss) || ss < 512 || ss > PAGE_BYTES)
		return "sector-size is not a power of two from 512 to 4096";
	if (pss && (pss < ss || pss % ss))
		return "physical-sector-size is not a multiple of sector-size";
	if (b->sectors > (~0ULL >> 1) / 512)
		return "sectors is too large";
	if (b->sectors % (ss / 512))
		return "sectors is not a whole number of sector-size sectors";
	return NULL;
}

unsigned int blk_ring_order(const struct blk_backend *b, unsigned int want)
{
	unsigned long order = want;

	if (order > b->max_ring_order)
		order = b->max_ring_order;
	if (order > BLK_MAX_RING_ORDER)
		order = BLK_MAX_RING_ORDER;
	return (unsigned int)order;
}

unsigned int blk_max_segments(const struct blk_backend *b, unsigned int want)
{
	unsigned long n = want ? want : BLK_DEFAULT_SEGMENTS;

	if (b->max_indirect <= BLKIF_MAX_SEGMENTS_PER_REQUEST)
		return BLKIF_MAX_SEGMENTS_PER_REQUEST;
	if (n > b->max_indirect)
		n = b->max_indirect;
	if (n > BLK_MAX_SEGMENTS)
		n = BLK_MAX_SEGMENTS;
	if (n < BLKIF_MAX_SEGMENTS_PER_REQUEST)
		n = BLKIF_MAX_SEGMENTS_PER_REQUEST;
	return (unsigned int)n;
}
