/*
 * blk_ring.c - the blkif ring's bookkeeping (blk_ring.h says what is
 * checked and why). Pure: shared memory is read and written here, but
 * grants and event channels are the caller's.
 *
 * Ordering: our requests are written into the shared slots, then
 * req_prod is published with a release store, so the backend that sees
 * the index sees the requests. rsp_prod is read with an acquire load
 * before the responses below it. Before deciding whether to notify,
 * and after asking for an event (rsp_event), a full fence orders our
 * store against our next load of the other side's index: without it
 * each side could miss the other's update and both would sleep.
 */
#include "kernel/drivers/blk/blk_ring.h"

#define ID_SLOT_BITS 16

unsigned int blk_ring_slots(size_t bytes)
{
	size_t n;

	if (bytes < sizeof(blkif_sring_t))
		return 0;
	n = (bytes - offsetof(blkif_sring_t, ring)) /
	    sizeof(((blkif_sring_t *)0)->ring[0]);
	/* Round down to a power of two, as __RD32 does. */
	while (n & (n - 1))
		n &= n - 1;
	return n > BLK_RING_MAX ? 0 : (unsigned int)n;
}

int blk_ring_init(struct blk_ring *r, void *sring, size_t bytes,
		  struct blk_shadow *shadow, unsigned int nshadow)
{
	unsigned int size = blk_ring_slots(bytes);

	if (!size || nshadow < size)
		return -XEN_EINVAL;
	*r = (struct blk_ring){
		.sring = sring, .size = size, .shadow = shadow, .nfree = size
	};
	r->sring->req_prod = r->sring->rsp_prod = 0;
	/* Each side wants an event at the other's first entry. */
	r->sring->req_event = r->sring->rsp_event = 1;
	for (unsigned int i = 0; i < size; i++)
		shadow[i] =
			(struct blk_shadow){ .next_free = (uint16_t)(i + 1) };
	return 0;
}

bool blk_ring_room(const struct blk_ring *r)
{
	return !r->broken && r->nfree &&
	       r->req_prod_pvt - r->rsp_cons < r->size;
}

unsigned int blk_ring_in_flight(const struct blk_ring *r)
{
	return r->size - r->nfree;
}

struct blk_shadow *blk_ring_get(struct blk_ring *r, void *owner)
{
	struct blk_shadow *s;
	unsigned int i = r->free_head;

	if (!blk_ring_room(r) || !owner)
		return NULL;
	s = &r->shadow[i];
	r->free_head = s->next_free;
	r->nfree--;
	s->owner = owner;
	s->gen++;
	s->bytes = 0;
	s->on_ring = false;
	s->req =
		(struct blkif_request){ .id = (uint64_t)s->gen << ID_SLOT_BITS |
					      i };
	return s;
}

void blk_ring_put(struct blk_ring *r, struct blk_shadow *s)
{
	RING_IDX i = r->req_prod_pvt++ & (r->size - 1);

	memcpy(&r->sring->ring[i].req, &s->req, sizeof(s->req));
	s->on_ring = true;
}

bool blk_ring_push(struct blk_ring *r)
{
	RING_IDX old = r->req_pushed, now = r->req_prod_pvt, event;

	r->req_pushed = now;
	__atomic_store_n(&r->sring->req_prod, now, __ATOMIC_RELEASE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	event = __atomic_load_n(&r->sring->req_event, __ATOMIC_RELAXED);
	/* Notify if req_event lies among the requests just published. */
	return (RING_IDX)(now - event) < (RING_IDX)(now - old);
}

void blk_ring_break(struct blk_ring *r, const char *fmt, ...)
{
	va_list ap;

	if (r->broken)
		return;
	r->broken = true;
	va_start(ap, fmt);
	vsnprintf(r->why, sizeof(r->why), fmt, ap);
	va_end(ap);
}

uint8_t blk_req_op(const struct blkif_request *req)
{
	struct blkif_request_indirect ind;

	if (req->operation != BLKIF_OP_INDIRECT)
		return req->operation;
	memcpy(&ind, req, sizeof(ind));
	return ind.indirect_op;
}

static int status_errno(int16_t status)
{
	switch (status) {
	case BLKIF_RSP_OKAY:
		return 0;
	case BLKIF_RSP_ERROR:
		return -XEN_EIO;
	default: /* BLKIF_RSP_EOPNOTSUPP: the caller checked */
		return -XEN_EOPNOTSUPP;
	}
}

int blk_ring_take(struct blk_ring *r, struct blk_done *out)
{
	RING_IDX prod, sent = r->req_prod_pvt - r->rsp_cons;
	volatile blkif_response_t *shared;
	struct blk_shadow *s;
	uint64_t id, slot;
	uint8_t op;
	int16_t status;

	if (r->broken)
		return -XEN_EIO;
	prod = __atomic_load_n(&r->sring->rsp_prod, __ATOMIC_ACQUIRE);
	if (prod == r->rsp_cons)
		return 0;
	if ((RING_IDX)(prod - r->rsp_cons) > sent) {
		blk_ring_break(r,
			       "rsp_prod %u is beyond our requests (%u sent, "
			       "%u answered)",
			       prod, r->req_prod_pvt, r->rsp_cons);
		return -XEN_EIO;
	}
	/* Each field once: the backend may change the slot meanwhile. */
	shared = &r->sring->ring[r->rsp_cons & (r->size - 1)].rsp;
	id = shared->id;
	op = shared->operation;
	status = shared->status;
	r->rsp_cons++;
	slot = id & ((1U << ID_SLOT_BITS) - 1);
	s = slot < r->size ? &r->shadow[slot] : NULL;
	if (!s || !s->owner || !s->on_ring || id >> 48 ||
	    (uint32_t)(id >> ID_SLOT_BITS) != s->gen) {
		blk_ring_break(r,
			       "a response for id %#llx, which no request "
			       "in flight has",
			       (unsigned long long)id);
		return -XEN_EIO;
	}
	if (op != blk_req_op(&s->req) &&
	    !(op == BLKIF_OP_INDIRECT &&
	      s->req.operation == BLKIF_OP_INDIRECT)) {
		blk_ring_break(r,
			       "the response to id %#llx is for operation "
			       "%u, the request was %u",
			       (unsigned long long)id, op, blk_req_op(&s->req));
		return -XEN_EIO;
	}
	if (status != BLKIF_RSP_OKAY && status != BLKIF_RSP_ERROR &&
	    status != BLKIF_RSP_EOPNOTSUPP) {
		blk_ring_break(r,
			       "the response to id %#llx has status %d, "
			       "which blkif does not define",
			       (unsigned long long)id, status);
		return -XEN_EIO;
	}
	s->on_ring = false;
	*out = (struct blk_done){ .slot = s, .status = status_errno(status) };
	return 1;
}

void blk_ring_release(struct blk_ring *r, struct blk_shadow *s)
{
	unsigned int i = (unsigned int)(s - r->shadow);

	s->owner = NULL;
	s->on_ring = false;
	s->next_free = (uint16_t)r->free_head;
	r->free_head = i;
	r->nfree++;
}

bool blk_ring_arm(struct blk_ring *r)
{
	if (r->broken)
		return false;
	__atomic_store_n(&r->sring->rsp_event, r->rsp_cons + 1,
			 __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n(&r->sring->rsp_prod, __ATOMIC_ACQUIRE) !=
	       r->rsp_cons;
}

unsigned int blk_ring_replay(struct blk_ring *r)
{
	unsigned int n = 0;

	r->req_prod_pvt = r->req_pushed = r->rsp_cons = 0;
	r->sring->req_prod = r->sring->rsp_prod = 0;
	r->sring->req_event = r->sring->rsp_event = 1;
	for (unsigned int i = 0; i < r->size; i++) {
		struct blk_shadow *s = &r->shadow[i];

		if (!s->owner || !s->on_ring)
			continue;
		s->gen++;
		s->req.id = (uint64_t)s->gen << ID_SLOT_BITS | i;
		blk_ring_put(r, s);
		n++;
	}
	return n;
}
