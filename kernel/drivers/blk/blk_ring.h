/*
 * blk_ring.h - a blkif request ring as the frontend keeps it
 * (kernel/drivers/blk/blk_ring.c, pure: tests/unit/test_blk_ring.c,
 * tests/fuzz/fuzz_blk_ring.c). No hypercall: the caller grants, ends
 * grants and notifies.
 *
 * The shared ring (xen/io/blkif.h) is one array of slots that requests
 * and responses share: the backend overwrites a request with its
 * response. So the frontend keeps its own copy of every request in
 * flight, its shadow, indexed by the request's id: that is what a
 * response is matched against, where the grants to end are found, and
 * what is put on the ring again after a restore.
 *
 * The backend writes rsp_prod and every response, at any time. Nothing
 * it writes is trusted: rsp_prod must stay within the requests sent;
 * a response must name a request in flight (its id carries the slot
 * and the slot's generation, so a response for a request that was
 * answered already does not match the slot's next use), echo its
 * operation and carry one of blkif's three statuses. Anything else
 * breaks the ring for good: `why` says what, and nothing is read from
 * it again.
 */
#ifndef KERNEL_DRIVERS_BLK_BLK_RING_H
#define KERNEL_DRIVERS_BLK_BLK_RING_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>
#include <xen/io/blkif.h>

/* Slots of a 16-page ring: __CONST_RING_SIZE(blkif, 16 * 4096). */
#define BLK_RING_MAX 512

struct blk_shadow {
	struct blkif_request req; /* as put on the ring, its id included */
	void *owner;		  /* whose it is; NULL: the slot is free */
	uint32_t gen;		  /* bumped at each use: the id's top half */
	uint32_t bytes;		  /* data it moves */
	uint16_t next_free;
	uint16_t ipage; /* an indirect request's page (the caller's) */
	bool on_ring;	/* put: a response may name it */
};

struct blk_ring {
	blkif_sring_t *sring;	   /* shared with the backend */
	RING_IDX req_prod_pvt;	   /* requests put, pushed or not */
	RING_IDX req_pushed;	   /* ... published in req_prod */
	RING_IDX rsp_cons;	   /* responses taken */
	unsigned int size;	   /* slots: a power of two */
	struct blk_shadow *shadow; /* [size] */
	unsigned int free_head, nfree;
	bool broken;
	char why[120];
};

/* Slots in a ring of `bytes` (a power of two of pages); 0 if too small
 * or above BLK_RING_MAX. */
unsigned int blk_ring_slots(size_t bytes);
/* Sets up ring and shadow[nshadow] over the zeroed shared area sring of
 * `bytes`; -XEN_EINVAL if the sizes do not fit together. */
int blk_ring_init(struct blk_ring *r, void *sring, size_t bytes,
		  struct blk_shadow *shadow, unsigned int nshadow);

/* Whether another request fits now. */
bool blk_ring_room(const struct blk_ring *r);
/* Requests put and not answered yet. */
unsigned int blk_ring_in_flight(const struct blk_ring *r);
/* A free slot for owner (non-NULL), its req zeroed but for the new id;
 * NULL if there is no room. The caller fills s->req (blk_seg.h) and
 * puts it. */
struct blk_shadow *blk_ring_get(struct blk_ring *r, void *owner);
/* Copies s->req into the next shared slot. */
void blk_ring_put(struct blk_ring *r, struct blk_shadow *s);
/* Publishes what was put; returns whether the backend asked to be
 * notified (req_event). */
bool blk_ring_push(struct blk_ring *r);

struct blk_done {
	struct blk_shadow *slot; /* the request answered */
	int status;		 /* 0, -XEN_EIO or -XEN_EOPNOTSUPP */
};
/* The next response: 1 with *out set, 0 if there is none yet, -XEN_EIO
 * if the ring is broken (now or before; r->why says how). The slot stays
 * the caller's until blk_ring_release. */
int blk_ring_take(struct blk_ring *r, struct blk_done *out);
/* Gives an answered slot back. */
void blk_ring_release(struct blk_ring *r, struct blk_shadow *s);
/* Asks for an event at the next response; returns whether responses
 * came meanwhile (take them before sleeping). */
bool blk_ring_arm(struct blk_ring *r);

/* Breaks the ring with a reason (printf-like), for the caller's own
 * findings; the first reason stays. */
void blk_ring_break(struct blk_ring *r, const char *fmt, ...) __printf(2, 3);

/*
 * After a restore the shared area belongs to a new backend that starts
 * from index 0: zeroes the shared indexes and puts every request in
 * flight again, in slot order, under new ids. Returns how many.
 */
unsigned int blk_ring_replay(struct blk_ring *r);

/* The operation a request's response must echo (an indirect request's
 * inner one), and whether `op` is that. */
uint8_t blk_req_op(const struct blkif_request *req);

#endif
