/*
 * blk_seg.h - cutting a buffer into a blkif request's segments and
 * writing the request (kernel/drivers/blk/blk_seg.c, pure:
 * tests/unit/test_blk_seg.c).
 *
 * A segment is one granted page and the 512-byte sectors of it that
 * the request moves (first_sect..last_sect, inclusive). A direct
 * request carries up to BLKIF_MAX_SEGMENTS_PER_REQUEST (11) segments
 * in the ring slot; an indirect one (BLKIF_OP_INDIRECT) puts them in a
 * page of its own, granted to the backend read-only, whose ref the slot
 * carries - one page holds 512, more than pvmini ever sends.
 */
#ifndef KERNEL_DRIVERS_BLK_BLK_SEG_H
#define KERNEL_DRIVERS_BLK_BLK_SEG_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>
#include <xen/io/blkif.h>

#define BLK_PAGE 4096UL
#define BLK_SEGS_PER_IPAGE (BLK_PAGE / sizeof(struct blkif_request_segment))

struct blk_seg {
	uintptr_t page;	     /* the page's address */
	uint8_t first, last; /* its 512-byte sectors moved, inclusive */
};

/*
 * The first ring request's worth of [buf, buf + bytes): one segment per
 * page touched, at most max segments. buf and bytes must be multiples
 * of 512, bytes > 0. Returns the bytes covered (all of them, or up to
 * the end of the max-th page) with *n segments in segs[max].
 */
size_t blk_seg_plan(uintptr_t buf, size_t bytes, unsigned int max,
		    struct blk_seg *segs, unsigned int *n);

/*
 * Fill req (keeping its id) for a read or a write (op) of n segments,
 * each granted as refs[i], from 512-byte sector `sector` on. Direct for
 * n <= 11; otherwise indirect, through ipage (granted as iref).
 */
void blk_fill_rw(struct blkif_request *req, uint8_t op, uint16_t handle,
		 uint64_t sector, const struct blk_seg *segs,
		 const grant_ref_t *refs, unsigned int n);
void blk_fill_indirect(struct blkif_request *req, uint8_t op, uint16_t handle,
		       uint64_t sector, const struct blk_seg *segs,
		       const grant_ref_t *refs, unsigned int n,
		       struct blkif_request_segment *ipage, grant_ref_t iref);
/* A flush (BLKIF_OP_FLUSH_DISKCACHE) or barrier: no segments. */
void blk_fill_flush(struct blkif_request *req, uint8_t op, uint16_t handle);

/* The data grants of a request filled by the above, into out[max]
 * (ipage: an indirect request's page); returns how many. */
unsigned int blk_req_refs(const struct blkif_request *req,
			  const struct blkif_request_segment *ipage,
			  grant_ref_t *out, unsigned int max);

#endif
