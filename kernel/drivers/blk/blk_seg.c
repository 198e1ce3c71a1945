/*
 * blk_seg.c - segments and requests (blk_seg.h). An indirect request
 * has its own layout in blkif.h (struct blkif_request_indirect) in the
 * same slot: it is built apart and copied over the slot, id kept.
 */
#include "kernel/drivers/blk/blk_seg.h"

_Static_assert(sizeof(struct blkif_request_indirect) <=
		       sizeof(struct blkif_request),
	       "an indirect request fits the ring's slot");
_Static_assert(offsetof(struct blkif_request_indirect, id) ==
		       offsetof(struct blkif_request, id),
	       "both layouts keep the id in one place");

size_t blk_seg_plan(uintptr_t buf, size_t bytes, unsigned int max,
		    struct blk_seg *segs, unsigned int *n)
{
	uintptr_t at = buf, end = buf + bytes;
	unsigned int i = 0;

	while (at < end && i < max) {
		uintptr_t page = at & ~(BLK_PAGE - 1);
		uintptr_t stop = page + BLK_PAGE < end ? page + BLK_PAGE : end;

		segs[i++] = (struct blk_seg){
			.page = page,
			.first = (uint8_t)((at - page) / 512),
			.last = (uint8_t)((stop - page) / 512 - 1),
		};
		at = stop;
	}
	*n = i;
	return at - buf;
}

void blk_fill_rw(struct blkif_request *req, uint8_t op, uint16_t handle,
		 uint64_t sector, const struct blk_seg *segs,
		 const grant_ref_t *refs, unsigned int n)
{
	req->operation = op;
	req->nr_segments = (uint8_t)n;
	req->handle = handle;
	req->sector_number = sector;
	for (unsigned int i = 0; i < n; i++)
		req->seg[i] = (struct blkif_request_segment){
			.gref = refs[i],
			.first_sect = segs[i].first,
			.last_sect = segs[i].last,
		};
}

void blk_fill_indirect(struct blkif_request *req, uint8_t op, uint16_t handle,
		       uint64_t sector, const struct blk_seg *segs,
		       const grant_ref_t *refs, unsigned int n,
		       struct blkif_request_segment *ipage, grant_ref_t iref)
{
	struct blkif_request_indirect ind = {
		.operation = BLKIF_OP_INDIRECT,
		.indirect_op = op,
		.nr_segments = (uint16_t)n,
		.id = req->id,
		.sector_number = sector,
		.handle = handle,
		.indirect_grefs = { iref },
	};

	for (unsigned int i = 0; i < n; i++)
		ipage[i] = (struct blkif_request_segment){
			.gref = refs[i],
			.first_sect = segs[i].first,
			.last_sect = segs[i].last,
		};
	memset(req, 0, sizeof(*req));
	memcpy(req, &ind, sizeof(ind));
}

void blk_fill_flush(struct blkif_request *req, uint8_t op, uint16_t handle)
{
	req->operation = op;
	req->nr_segments = 0;
	req->handle = handle;
	req->sector_number = 0;
}

unsigned int blk_req_refs(const struct blkif_request *req,
			  const struct blkif_request_segment *ipage,
			  grant_ref_t *out, unsigned int max)
{
	struct blkif_request_indirect ind;
	unsigned int n;

	if (req->operation != BLKIF_OP_INDIRECT) {
		n = req->nr_segments;
		if (n > BLKIF_MAX_SEGMENTS_PER_REQUEST)
			n = BLKIF_MAX_SEGMENTS_PER_REQUEST;
		n = n < max ? n : max;
		for (unsigned int i = 0; i < n; i++)
			out[i] = req->seg[i].gref;
		return n;
	}
	memcpy(&ind, req, sizeof(ind));
	n = ind.nr_segments;
	if (n > BLK_SEGS_PER_IPAGE)
		n = BLK_SEGS_PER_IPAGE;
	n = n < max ? n : max;
	for (unsigned int i = 0; i < n && ipage; i++)
		out[i] = ipage[i].gref;
	return ipage ? n : 0;
}
