/*
 * fuzz_blk_ring.c - blkfront's ring bookkeeping
 * (kernel/drivers/blk/blk_ring.c) against a backend that is honest most
 * of the time and sometimes writes anything into the shared ring (the
 * segment planner and the vdev names: fuzz_blk_seg.c).
 *
 * ring_vs_backend: a run is a sequence of steps on a ring of 1, 2 or 4
 * pages (a heap block of exactly that size, the shadow array too):
 * requests got and put (plain and indirect), pushes, answers in any
 * order with any of blkif's statuses, now and then a lie (an rsp_prod
 * anywhere, an id nobody sent, one answered before, a status or an
 * operation blkif does not allow), responses taken and released late,
 * arms, and replays after a "restore". The oracle is a model of which
 * ids are in flight and what each response must be:
 *  - a legal response is taken with exactly its slot and status, once;
 *    the first illegal one breaks the ring, which from then on takes
 *    nothing and has no room;
 *  - push notifies exactly when req_event lies in the requests just
 *    published (read off blkif: counted one by one, not by formula);
 *  - get gives a slot exactly while fewer than `size` are in use; the
 *    free list and the in-flight count always add up to `size`.
 */
#include "kernel/drivers/blk/blk_ring.h"
#include "fuzz.h"

#define MAXS BLK_RING_MAX

static struct blk_ring r;
static blkif_sring_t *sring;
static struct blk_shadow *shadow;
static int tokens[MAXS];
/* The model, per slot: 0 free, 1 got (being filled), 2 put, 3 taken
 * (answered, not released yet). */
static int state[MAXS];
static uint64_t ids[MAXS];	/* the id each put slot was sent with */
static uint64_t at_pos[MAXS];	/* the id put at each ring position */
static uint64_t answered[MAXS]; /* ids answered before: duplicates */
static unsigned int nanswered;
/* The backend's view: pushed ids not answered yet, and its producer. */
static uint64_t pending[MAXS];
static unsigned int npending;
static RING_IDX be_prod, pushed;
static bool broken;

static void free_list_adds_up(void)
{
	unsigned int used = 0, n = 0, i = r.free_head;
	static bool seen[MAXS];

	memset(seen, 0, sizeof(seen));
	for (unsigned int s = 0; s < r.size; s++)
		used += state[s] != 0;
	FZ_CHECK(r.nfree + used == r.size, "nfree %u + used %u != %u", r.nfree,
		 used, r.size);
	FZ_CHECK(blk_ring_in_flight(&r) == used, "in flight %u, model %u",
		 blk_ring_in_flight(&r), used);
	for (; n < r.nfree; n++, i = shadow[i].next_free) {
		FZ_CHECK(i < r.size && !state[i] && !seen[i],
			 "free list: slot %u", i);
		seen[i] = true;
	}
}

static unsigned int held = MAXS; /* a slot got, not put yet */

static void put(unsigned int i)
{
	state[i] = 2;
	at_pos[r.req_prod_pvt & (r.size - 1)] = shadow[i].req.id;
	blk_ring_put(&r, &shadow[i]);
}

static void step_get_put(void)
{
	unsigned int used = 0, i;
	struct blk_shadow *s;
	bool room;

	if (held != MAXS && fz_chance(50)) {
		put(held);
		held = MAXS;
		return;
	}
	for (i = 0; i < r.size; i++)
		used += state[i] != 0;
	room = !broken && used < r.size && r.req_prod_pvt - r.rsp_cons < r.size;
	s = blk_ring_get(&r, &tokens[0]);
	FZ_CHECK(!!s == room, "get: %p, room %d", (void *)s, room);
	if (!s)
		return;
	i = (unsigned int)(s - shadow);
	FZ_CHECK(i < r.size && !state[i], "get: slot %u state %d", i,
		 i < r.size ? state[i] : -1);
	FZ_CHECK(s->owner == &tokens[0] && (s->req.id & 0xffff) == i,
		 "get: owner, id %#llx", (unsigned long long)s->req.id);
	if (fz_chance(30)) {
		struct blkif_request_indirect ind = {
			.operation = BLKIF_OP_INDIRECT,
			.indirect_op = (uint8_t)fz_below(2),
			.id = s->req.id,
		};
		memcpy(&s->req, &ind, sizeof(ind));
	} else {
		s->req.operation = (uint8_t)fz_below(4);
	}
	ids[i] = s->req.id;
	state[i] = 1;
	if (held == MAXS && fz_chance(10)) { /* filled at a later step */
		held = i;
		return;
	}
	put(i);
}

static void step_push(void)
{
	/* Around the requests being published, or anywhere. */
	RING_IDX event = fz_chance(70) ? pushed + (RING_IDX)fz_below(6) - 1
				       : (RING_IDX)fz_u64();
	bool want = false;

	sring->req_event = event;
	for (RING_IDX k = pushed + 1; k != r.req_prod_pvt + 1; k++)
		want |= k == event;
	FZ_CHECK(blk_ring_push(&r) == want, "push %u..%u, req_event %u", pushed,
		 r.req_prod_pvt, event);
	FZ_CHECK(sring->req_prod == r.req_prod_pvt, "req_prod");
	for (RING_IDX k = pushed; k != r.req_prod_pvt; k++)
		pending[npending++] = at_pos[k & (r.size - 1)];
	pushed = r.req_prod_pvt;
}

static void write_rsp(uint64_t id, uint8_t op, int16_t status)
{
	blkif_response_t *rsp = &sring->ring[be_prod & (r.size - 1)].rsp;

	rsp->id = id;
	rsp->operation = op;
	rsp->status = status;
	sring->rsp_prod = ++be_prod;
}

static uint8_t op_for(uint64_t id)
{
	struct blk_shadow *s = &shadow[(id & 0xffff) % r.size];

	if (s->req.operation == BLKIF_OP_INDIRECT && fz_chance(50))
		return BLKIF_OP_INDIRECT;
	return blk_req_op(&s->req);
}

static void step_answer(void)
{
	static const int16_t ok[] = { BLKIF_RSP_OKAY, BLKIF_RSP_ERROR,
				      BLKIF_RSP_EOPNOTSUPP };
	unsigned int k;

	if (!npending)
		return;
	k = (unsigned int)fz_below(npending);
	write_rsp(pending[k], op_for(pending[k]), ok[fz_below(3)]);
	answered[nanswered++ % MAXS] = pending[k];
	pending[k] = pending[--npending];
}

static void step_lie(void)
{
	uint64_t id = npending ? pending[fz_below(npending)] : fz_u64();

	if (held != MAXS && fz_chance(30)) { /* the id of one being filled */
		write_rsp(ids[held], blk_req_op(&shadow[held].req), 0);
		return;
	}
	switch (fz_below(5)) {
	case 0:
		sring->rsp_prod = (RING_IDX)fz_edge(UINT32_MAX);
		break;
	case 1:
		write_rsp(fz_chance(50) ? fz_u64() : fz_below(r.size + 3),
			  BLKIF_OP_READ, 0);
		break;
	case 2:
		if (nanswered)
			write_rsp(answered[fz_below(nanswered < MAXS ? nanswered
								     : MAXS)],
				  BLKIF_OP_READ, 0);
		break;
	case 3:
		write_rsp(id, npending ? op_for(id) : 0,
			  (int16_t)fz_edge(UINT16_MAX));
		break;
	default:
		write_rsp(id, (uint8_t)fz_u64(), 0);
		break;
	}
}

/* What the next response must give: 1 with the slot, or a break. */
static int expect_next(unsigned int *slot, int *status)
{
	RING_IDX prod = sring->rsp_prod;
	volatile blkif_response_t *rsp;
	unsigned int i;
	uint8_t want;

	if (broken)
		return -XEN_EIO;
	if (prod == r.rsp_cons)
		return 0;
	if ((RING_IDX)(prod - r.rsp_cons) >
	    (RING_IDX)(r.req_prod_pvt - r.rsp_cons))
		return -XEN_EIO;
	rsp = &sring->ring[r.rsp_cons & (r.size - 1)].rsp;
	i = (unsigned int)(rsp->id & 0xffff);
	if (i >= r.size || state[i] != 2 || ids[i] != rsp->id)
		return -XEN_EIO;
	want = blk_req_op(&shadow[i].req);
	if (rsp->operation != want &&
	    !(rsp->operation == BLKIF_OP_INDIRECT &&
	      shadow[i].req.operation == BLKIF_OP_INDIRECT))
		return -XEN_EIO;
	switch (rsp->status) {
	case BLKIF_RSP_OKAY:
		*status = 0;
		break;
	case BLKIF_RSP_ERROR:
		*status = -XEN_EIO;
		break;
	case BLKIF_RSP_EOPNOTSUPP:
		*status = -XEN_EOPNOTSUPP;
		break;
	default:
		return -XEN_EIO;
	}
	*slot = i;
	return 1;
}

static void release(unsigned int i)
{
	blk_ring_release(&r, &shadow[i]);
	state[i] = 0;
}

static void step_take(void)
{
	for (unsigned int i = 0; i < r.size; i++)
		if (state[i] == 3 && fz_chance(50))
			release(i);
	for (;;) {
		unsigned int slot = 0;
		int status = 0, want = expect_next(&slot, &status);
		struct blk_done d = { 0 };
		int got = blk_ring_take(&r, &d);

		FZ_CHECK(got == want, "take: %d, want %d (%s)", got, want,
			 r.why);
		if (got < 0) {
			FZ_CHECK(r.broken && r.why[0], "broken without a why");
			broken = true;
			FZ_CHECK(!blk_ring_room(&r), "room while broken");
		}
		if (got != 1)
			return;
		FZ_CHECK(d.slot == &shadow[slot] && d.status == status,
			 "take: slot %ld status %d, want %u %d",
			 (long)(d.slot - shadow), d.status, slot, status);
		state[slot] = 3;
		if (fz_chance(70))
			release(slot);
	}
}

static void step_replay(void)
{
	unsigned int want = 0, got;

	if (held != MAXS) {
		put(held);
		held = MAXS;
	}
	for (unsigned int i = 0; i < r.size; i++) {
		if (state[i] == 3)
			release(i); /* answered before the save */
		want += state[i] == 2;
	}
	got = blk_ring_replay(&r);
	FZ_CHECK(got == want, "replay: %u, want %u", got, want);
	FZ_CHECK(!sring->req_prod && !sring->rsp_prod && r.req_prod_pvt == got,
		 "replay: indexes");
	for (unsigned int i = 0, k = 0; i < r.size; i++) {
		if (state[i] != 2)
			continue;
		FZ_CHECK(ids[i] != shadow[i].req.id &&
				 sring->ring[k].req.id == shadow[i].req.id,
			 "replay: slot %u", i);
		ids[i] = at_pos[k++] = shadow[i].req.id;
	}
	npending = nanswered = 0;
	be_prod = pushed = 0;
}

FUZZ(ring_vs_backend, 3000)
{
	unsigned int pages = 1U << fz_below(3), steps = 1 + fz_below(300);
	size_t bytes = pages * 4096UL;
	unsigned int size = blk_ring_slots(bytes);

	sring = calloc(1, bytes);
	shadow = calloc(size, sizeof(*shadow));
	memset(state, 0, sizeof(state));
	npending = nanswered = 0;
	be_prod = pushed = 0;
	broken = false;
	held = MAXS;
	FZ_CHECK(!blk_ring_init(&r, sring, bytes, shadow, size), "init");
	for (unsigned int n = 0; n < steps; n++) {
		switch (fz_below(20)) {
		case 0 ... 5:
			step_get_put();
			break;
		case 6 ... 8:
			step_push();
			break;
		case 9 ... 13:
			step_answer();
			break;
		case 14:
			if (fz_chance(20))
				step_lie();
			break;
		case 15:
			if (!broken && fz_chance(10))
				step_replay();
			break;
		case 16:
			FZ_CHECK(blk_ring_arm(&r) ==
					 (!broken &&
					  sring->rsp_prod != r.rsp_cons),
				 "arm");
			break;
		default:
			step_take();
			break;
		}
		free_list_adds_up();
	}
	free(sring);
	free(shadow);
}
