/*
 * test_blk_ring.c - the blkif ring's bookkeeping
 * (kernel/drivers/blk/blk_ring.c): slots and ids, notifies, responses
 * from an honest backend, and every way a hostile one is caught.
 */
#include <stdlib.h>
#include "kernel/drivers/blk/blk_ring.h"
#include "unit.h"

static struct blk_ring r;
static struct blk_shadow shadow[BLK_RING_MAX];
static blkif_sring_t *sring;
static RING_IDX be_rsp; /* the simulated backend's response producer */
static int owner[BLK_RING_MAX];

static void setup(unsigned int pages)
{
	free(sring);
	sring = calloc(pages, 4096);
	be_rsp = 0;
	CHECK(blk_ring_init(&r, sring, pages * 4096UL, shadow, BLK_RING_MAX) ==
	      0);
}

static struct blk_shadow *send(int *who, uint8_t op)
{
	struct blk_shadow *s = blk_ring_get(&r, who);

	if (s) {
		s->req.operation = op;
		blk_ring_put(&r, s);
	}
	return s;
}

static void answer(uint64_t id, uint8_t op, int16_t status)
{
	blkif_response_t *rsp = &sring->ring[be_rsp++ & (r.size - 1)].rsp;

	rsp->id = id;
	rsp->operation = op;
	rsp->status = status;
	sring->rsp_prod = be_rsp;
}

TEST(slots_per_ring_size)
{
	CHECK(blk_ring_slots(4096) == 32);
	CHECK(blk_ring_slots(2 * 4096) == 64);
	CHECK(blk_ring_slots(16 * 4096) == 512);
	CHECK(blk_ring_slots(32 * 4096) == 0);
	CHECK(blk_ring_slots(10) == 0);
	CHECK(blk_ring_init(&r, sring, 4096, shadow, 31) == -XEN_EINVAL);
}

TEST(init_sets_the_events)
{
	setup(1);
	CHECK(sring->req_event == 1 && sring->rsp_event == 1);
	CHECK(r.size == 32 && r.nfree == 32 && blk_ring_room(&r));
}

TEST(fills_up_and_empties)
{
	struct blk_done d;

	setup(1);
	for (int i = 0; i < 32; i++)
		CHECK(send(&owner[i], BLKIF_OP_READ));
	CHECK(!blk_ring_room(&r) && !blk_ring_get(&r, &owner[0]));
	CHECK(blk_ring_in_flight(&r) == 32);
	blk_ring_push(&r);
	CHECK(sring->req_prod == 32);
	for (int i = 31; i >= 0; i--) /* answered in any order */
		answer(shadow[i].req.id, BLKIF_OP_READ, BLKIF_RSP_OKAY);
	for (int i = 31; i >= 0; i--) {
		CHECK(blk_ring_take(&r, &d) == 1);
		CHECK(d.slot == &shadow[i] && d.status == 0);
		CHECK(d.slot->owner == &owner[i]);
		blk_ring_release(&r, d.slot);
	}
	CHECK(blk_ring_take(&r, &d) == 0);
	CHECK(blk_ring_in_flight(&r) == 0 && blk_ring_room(&r));
}

TEST(notify_only_when_asked)
{
	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	CHECK(blk_ring_push(&r)); /* req_event 1: the first request */
	sring->req_event = 5;
	send(&owner[1], BLKIF_OP_READ);
	CHECK(!blk_ring_push(&r)); /* 2 < 5 */
	send(&owner[2], BLKIF_OP_READ);
	send(&owner[3], BLKIF_OP_READ);
	send(&owner[4], BLKIF_OP_READ);
	CHECK(blk_ring_push(&r));  /* 5 is among 3..5 */
	CHECK(!blk_ring_push(&r)); /* nothing new */
}

TEST(statuses_become_errnos)
{
	struct blk_done d;

	setup(1);
	send(&owner[0], BLKIF_OP_WRITE);
	send(&owner[1], BLKIF_OP_FLUSH_DISKCACHE);
	answer(shadow[0].req.id, BLKIF_OP_WRITE, BLKIF_RSP_ERROR);
	answer(shadow[1].req.id, BLKIF_OP_FLUSH_DISKCACHE,
	       BLKIF_RSP_EOPNOTSUPP);
	CHECK(blk_ring_take(&r, &d) == 1 && d.status == -XEN_EIO);
	CHECK(blk_ring_take(&r, &d) == 1 && d.status == -XEN_EOPNOTSUPP);
	CHECK(!r.broken);
}

TEST(unknown_id_breaks_the_ring)
{
	struct blk_done d;

	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	answer(12345, BLKIF_OP_READ, BLKIF_RSP_OKAY);
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO);
	CHECK(r.broken && strstr(r.why, "id 0x3039"));
	/* For good: even a correct response is not read any more. */
	answer(shadow[0].req.id, BLKIF_OP_READ, BLKIF_RSP_OKAY);
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO);
	CHECK(!blk_ring_room(&r) && !blk_ring_arm(&r));
}

TEST(free_slot_id_breaks_the_ring)
{
	struct blk_done d;

	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	answer(shadow[0].req.id + 1, BLKIF_OP_READ, BLKIF_RSP_OKAY);
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO && r.broken);
}

TEST(duplicate_response_breaks_the_ring)
{
	struct blk_done d;
	uint64_t old;

	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	old = shadow[0].req.id;
	answer(old, BLKIF_OP_READ, BLKIF_RSP_OKAY);
	CHECK(blk_ring_take(&r, &d) == 1);
	blk_ring_release(&r, d.slot);
	/* The slot serves again; the old id's answer comes a second time. */
	CHECK(send(&owner[1], BLKIF_OP_READ) == &shadow[0]);
	CHECK(shadow[0].req.id != old);
	answer(old, BLKIF_OP_READ, BLKIF_RSP_OKAY);
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO && r.broken);
}

TEST(bad_status_breaks_the_ring)
{
	struct blk_done d;

	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	answer(shadow[0].req.id, BLKIF_OP_READ, 7);
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO);
	CHECK(strstr(r.why, "status 7"));
}

TEST(wrong_operation_breaks_the_ring)
{
	struct blk_done d;

	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	answer(shadow[0].req.id, BLKIF_OP_WRITE, BLKIF_RSP_OKAY);
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO && r.broken);
}

TEST(indirect_answer_may_echo_either_operation)
{
	struct blkif_request_indirect ind = { .operation = BLKIF_OP_INDIRECT,
					      .indirect_op = BLKIF_OP_WRITE };
	struct blk_done d;
	struct blk_shadow *s;

	setup(1);
	for (int i = 0; i < 2; i++) {
		s = blk_ring_get(&r, &owner[i]);
		ind.id = s->req.id;
		memcpy(&s->req, &ind, sizeof(ind));
		blk_ring_put(&r, s);
	}
	CHECK(blk_req_op(&shadow[0].req) == BLKIF_OP_WRITE);
	answer(shadow[0].req.id, BLKIF_OP_WRITE, BLKIF_RSP_OKAY);
	answer(shadow[1].req.id, BLKIF_OP_INDIRECT, BLKIF_RSP_OKAY);
	CHECK(blk_ring_take(&r, &d) == 1 && blk_ring_take(&r, &d) == 1);
}

TEST(rsp_prod_beyond_the_requests_breaks_the_ring)
{
	struct blk_done d;

	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	send(&owner[1], BLKIF_OP_READ);
	sring->rsp_prod = 3;
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO);
	CHECK(strstr(r.why, "rsp_prod 3"));
	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	sring->rsp_prod = (RING_IDX)-1; /* backwards */
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO && r.broken);
}

TEST(a_response_for_a_slot_not_yet_put)
{
	struct blk_done d;
	struct blk_shadow *s;

	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	s = blk_ring_get(&r, &owner[1]); /* being filled */
	answer(shadow[0].req.id, BLKIF_OP_READ, BLKIF_RSP_OKAY);
	sring->ring[1].rsp.id = s->req.id; /* a guess at the next id */
	sring->rsp_prod = 2;
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO); /* beyond: one sent */
}

TEST(arm_sees_responses_that_came)
{
	setup(1);
	send(&owner[0], BLKIF_OP_READ);
	CHECK(!blk_ring_arm(&r) && sring->rsp_event == 1);
	answer(shadow[0].req.id, BLKIF_OP_READ, BLKIF_RSP_OKAY);
	CHECK(blk_ring_arm(&r));
}

TEST(replay_puts_in_flight_requests_again)
{
	struct blk_done d;
	uint64_t old2;

	setup(1);
	for (int i = 0; i < 4; i++)
		send(&owner[i], BLKIF_OP_READ);
	blk_ring_push(&r);
	answer(shadow[1].req.id, BLKIF_OP_READ, BLKIF_RSP_OKAY);
	CHECK(blk_ring_take(&r, &d) == 1);
	blk_ring_release(&r, d.slot);
	old2 = shadow[2].req.id;
	CHECK(blk_ring_replay(&r) == 3);
	CHECK(sring->req_prod == 0 && sring->rsp_prod == 0);
	CHECK(r.req_prod_pvt == 3 && r.rsp_cons == 0);
	CHECK(sring->ring[1].req.id == shadow[2].req.id);
	CHECK(shadow[2].req.id != old2);
	CHECK(blk_ring_push(&r) && sring->req_prod == 3);
	be_rsp = 0;
	answer(old2, BLKIF_OP_READ, BLKIF_RSP_OKAY); /* the old id: stale */
	CHECK(blk_ring_take(&r, &d) == -XEN_EIO);
}

TEST(break_keeps_the_first_reason)
{
	setup(1);
	blk_ring_break(&r, "first %d", 1);
	blk_ring_break(&r, "second");
	CHECK_STR(r.why, "first 1");
}
