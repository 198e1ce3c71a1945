/*
 * test_nf_ring.c - a vif's ring bookkeeping
 * (kernel/drivers/net/netfront_ring.c) against a simulated netback: every
 * RX buffer is posted once and re-posted exactly once per response
 * consumed, across the 2^32 index wrap; events are asked for exactly
 * when the backend's req_event says so; TX ids come back free; and each
 * way a backend can break the protocol is refused with nothing
 * consumed.
 */
#include "kernel/drivers/net/netfront_ring.h"
#include "unit.h"

static union {
	netif_rx_sring_t s;
	char page[NF_PAGE_SIZE];
} rxp;
static union {
	netif_tx_sring_t s;
	char page[NF_PAGE_SIZE];
} txp;
static struct nf_rx rx;
static struct nf_tx tx;
static grant_ref_t grefs[NF_RX_BUFS];
static char why[128];

/* netback's side: how far it has read requests. */
static RING_IDX be_rx_req_cons, be_tx_req_cons;

static void start_rx(RING_IDX at, unsigned int nbufs)
{
	memset(&rxp, 0, sizeof(rxp));
	for (unsigned int i = 0; i < NF_RX_BUFS; i++)
		grefs[i] = 1000 + i;
	nf_rx_init(&rx, &rxp, nbufs, grefs);
	/* Start anywhere: a ring attached at indexes near the wrap. */
	rx.req_prod = rx.rsp_cons = at;
	rxp.s.req_prod = rxp.s.rsp_prod = at;
	be_rx_req_cons = at;
}

/* netback answers n requests in their own slots: id echoed, size len. */
static void be_rx_answer(unsigned int n, int status, uint16_t flags)
{
	for (unsigned int i = 0; i < n; i++, be_rx_req_cons++) {
		RING_IDX slot = be_rx_req_cons;
		netif_rx_request_t req = nf_rx_slot(&rxp.s, slot)->req;
		netif_rx_response_t *rsp = &nf_rx_slot(&rxp.s, slot)->rsp;

		rsp->id = req.id;
		rsp->offset = 0;
		rsp->flags = flags;
		rsp->status = (int16_t)status;
	}
	rxp.s.rsp_prod = be_rx_req_cons;
}

TEST(rx_init_posts_every_buffer_once)
{
	bool seen[NF_RX_BUFS] = { false };

	start_rx(0, NF_RX_BUFS);
	nf_rx_refill(&rx);
	CHECK(rxp.s.req_prod == NF_RX_BUFS);
	for (unsigned int i = 0; i < NF_RX_BUFS; i++) {
		netif_rx_request_t r = nf_rx_slot(&rxp.s, i)->req;

		CHECK(r.id < NF_RX_BUFS && !seen[r.id]);
		CHECK(r.gref == 1000U + r.id);
		seen[r.id] = true;
	}
	CHECK(rx.posted_total == NF_RX_BUFS);
}

TEST(rx_refill_posts_exactly_what_was_consumed)
{
	struct nf_rx_pkt p;

	start_rx(0xfffffff0U, NF_RX_BUFS); /* crosses 2^32 */
	nf_rx_refill(&rx);
	for (unsigned int round = 0; round < 40; round++) {
		unsigned int n = 1 + round % 9, got = 0;

		be_rx_answer(n, 60 + (int)round, 0);
		while (nf_rx_take(&rx, &p, why, sizeof(why)) == 1) {
			CHECK(p.len == 60 + round && p.offset == 0);
			got++;
		}
		CHECK(got == n);
		CHECK(rx.nfree == n);
		nf_rx_refill(&rx);
		CHECK(rx.nfree == 0);
		CHECK((RING_IDX)(rxp.s.req_prod - rx.rsp_cons) == NF_RX_BUFS);
	}
	CHECK(rx.posted_total == NF_RX_BUFS + rx.consumed_total);
}

TEST(rx_fewer_buffers_than_slots)
{
	struct nf_rx_pkt p;

	start_rx(5, 8);
	nf_rx_refill(&rx);
	CHECK(rxp.s.req_prod == 13);
	be_rx_answer(8, 100, 0);
	for (int i = 0; i < 8; i++)
		CHECK(nf_rx_take(&rx, &p, why, sizeof(why)) == 1);
	CHECK(nf_rx_take(&rx, &p, why, sizeof(why)) == 0);
	nf_rx_refill(&rx);
	CHECK(rxp.s.req_prod == 21);
}

TEST(rx_event_asked_for_is_honoured)
{
	struct nf_rx_pkt p;

	start_rx(0, 16);
	rxp.s.req_event = 1;
	CHECK(nf_rx_refill(&rx)); /* passes 1: event */
	be_rx_answer(4, 64, 0);
	for (int i = 0; i < 4; i++)
		nf_rx_take(&rx, &p, why, sizeof(why));
	rxp.s.req_event = 100; /* the backend does not need one yet */
	CHECK(!nf_rx_refill(&rx));
	be_rx_answer(4, 64, 0);
	for (int i = 0; i < 4; i++)
		nf_rx_take(&rx, &p, why, sizeof(why));
	rxp.s.req_event = 22; /* 20 -> 24 passes 22 */
	CHECK(nf_rx_refill(&rx));
}

TEST(rx_arm_sets_rsp_event_and_sees_a_late_response)
{
	start_rx(7, 16);
	nf_rx_refill(&rx);
	CHECK(!nf_rx_arm(&rx));
	CHECK(rxp.s.rsp_event == 8);
	be_rx_answer(1, 64, 0);
	CHECK(nf_rx_pending(&rx));
	CHECK(nf_rx_arm(&rx));
}

TEST(rx_errors_and_flags_reach_the_caller)
{
	struct nf_rx_pkt p;

	start_rx(0, 4);
	nf_rx_refill(&rx);
	be_rx_answer(1, NETIF_RSP_ERROR, 0);
	CHECK(nf_rx_take(&rx, &p, why, sizeof(why)) == 1);
	CHECK(p.status == NETIF_RSP_ERROR && p.len == 0);
	be_rx_answer(1, 1514, NETRXF_csum_blank | NETRXF_data_validated);
	CHECK(nf_rx_take(&rx, &p, why, sizeof(why)) == 1);
	CHECK(p.len == 1514 &&
	      p.flags == (NETRXF_csum_blank | NETRXF_data_validated));
	CHECK(rx.nfree == 2); /* both buffers go back */
}

/* Each hostile response: -XEN_EIO, why names it, nothing consumed. */
static int hostile_rx(void (*spoil)(netif_rx_response_t *r), const char *want)
{
	struct nf_rx_pkt p = { .id = 77 };
	RING_IDX cons;

	start_rx(0, 16);
	nf_rx_refill(&rx);
	be_rx_answer(1, 100, 0);
	spoil(&nf_rx_slot(&rxp.s, 0)->rsp);
	cons = rx.rsp_cons;
	if (nf_rx_take(&rx, &p, why, sizeof(why)) != -XEN_EIO)
		return 0;
	return rx.rsp_cons == cons && p.id == 77 && rx.nfree == 0 &&
	       strstr(why, want) != NULL;
}

static void id_too_big(netif_rx_response_t *r)
{
	r->id = 16;
}
static void id_not_posted(netif_rx_response_t *r)
{
	rx.posted[r->id] = false;
}
static void more_data(netif_rx_response_t *r)
{
	r->flags = NETRXF_more_data;
}
static void extra_info(netif_rx_response_t *r)
{
	r->flags = NETRXF_extra_info;
}
static void past_page(netif_rx_response_t *r)
{
	r->offset = 100;
	r->status = NF_PAGE_SIZE - 99;
}
static void offset_past_page(netif_rx_response_t *r)
{
	r->offset = NF_PAGE_SIZE;
	r->status = NETIF_RSP_ERROR;
}

TEST(rx_hostile_responses_are_refused)
{
	CHECK(hostile_rx(id_too_big, "no such buffer id"));
	CHECK(hostile_rx(id_not_posted, "not on the ring"));
	CHECK(hostile_rx(more_data, "never negotiated"));
	CHECK(hostile_rx(extra_info, "never negotiated"));
	CHECK(hostile_rx(past_page, "past its page"));
	CHECK(hostile_rx(offset_past_page, "past its page"));
}

TEST(rx_page_edge_is_fine)
{
	struct nf_rx_pkt p;

	start_rx(0, 4);
	nf_rx_refill(&rx);
	be_rx_answer(1, 0, 0);
	nf_rx_slot(&rxp.s, 0)->rsp.offset = 96;
	nf_rx_slot(&rxp.s, 0)->rsp.status = NF_PAGE_SIZE - 96;
	CHECK(nf_rx_take(&rx, &p, why, sizeof(why)) == 1);
	CHECK(p.offset == 96 && p.len == NF_PAGE_SIZE - 96);
}

TEST(rx_producer_out_of_range_is_refused)
{
	struct nf_rx_pkt p;

	start_rx(0xfffffffeU, 16);
	nf_rx_refill(&rx);
	rxp.s.rsp_prod = 0xfffffffeU + 17; /* one more than requested */
	CHECK(nf_rx_take(&rx, &p, why, sizeof(why)) == -XEN_EIO);
	CHECK(strstr(why, "out of range"));
	rxp.s.rsp_prod = 0xfffffffeU - 1; /* behind us */
	CHECK(nf_rx_take(&rx, &p, why, sizeof(why)) == -XEN_EIO);
	CHECK(rx.rsp_cons == 0xfffffffeU);
}

static void start_tx(RING_IDX at, unsigned int nbufs)
{
	memset(&txp, 0, sizeof(txp));
	nf_tx_init(&tx, &txp, nbufs);
	tx.req_prod = tx.rsp_cons = at;
	txp.s.req_prod = txp.s.rsp_prod = at;
	be_tx_req_cons = at;
}

/* netback answers n requests; the k-th in reverse order if rev. */
static void be_tx_answer(unsigned int n, int16_t status)
{
	RING_IDX prod = txp.s.rsp_prod;

	for (unsigned int i = 0; i < n; i++, be_tx_req_cons++) {
		netif_tx_request_t req =
			nf_tx_slot(&txp.s, be_tx_req_cons)->req;
		netif_tx_response_t *rsp = &nf_tx_slot(&txp.s, prod++)->rsp;

		rsp->id = req.id;
		rsp->status = status;
	}
	txp.s.rsp_prod = prod;
}

TEST(tx_ids_cycle_and_come_back)
{
	struct nf_tx_counts c = { 0 };
	unsigned int sent = 0;

	start_tx(0xffffff00U, NF_TX_BUFS);
	for (int round = 0; round < 10; round++) {
		int id;

		while ((id = nf_tx_get(&tx)) >= 0) {
			nf_tx_post(&tx, (unsigned int)id, 7, (id & 1) * 2048,
				   60, 0);
			sent++;
		}
		CHECK(nf_tx_inflight(&tx) == NF_TX_BUFS);
		be_tx_answer(NF_TX_BUFS, NETIF_RSP_OKAY);
		CHECK(nf_tx_reap(&tx, &c, why, sizeof(why)) == (int)NF_TX_BUFS);
		CHECK(nf_tx_inflight(&tx) == 0);
	}
	CHECK(c.ok == sent && c.error == 0);
}

TEST(tx_request_layout)
{
	int id;

	start_tx(0, 4);
	id = nf_tx_get(&tx);
	CHECK(id >= 0);
	nf_tx_post(&tx, (unsigned int)id, 42, 2048, 1514, 0);
	CHECK(txp.s.req_prod == 1);
	CHECK(nf_tx_slot(&txp.s, 0)->req.gref == 42 &&
	      nf_tx_slot(&txp.s, 0)->req.offset == 2048);
	CHECK(nf_tx_slot(&txp.s, 0)->req.size == 1514 &&
	      nf_tx_slot(&txp.s, 0)->req.id == id);
	CHECK_ASSERTS(nf_tx_post(&tx, (unsigned int)id, 42, 2048, 1514, 0));
	id = nf_tx_get(&tx);
	CHECK_ASSERTS(nf_tx_post(&tx, (unsigned int)id, 42, 2100, 2000, 0));
}

TEST(tx_unget_gives_the_id_back)
{
	int a, b;

	start_tx(0, 1);
	a = nf_tx_get(&tx);
	CHECK(a == 0 && nf_tx_get(&tx) == -1);
	nf_tx_unget(&tx, (unsigned int)a);
	b = nf_tx_get(&tx);
	CHECK(b == a);
}

TEST(tx_statuses_are_counted)
{
	struct nf_tx_counts c = { 0 };

	start_tx(0, 8);
	for (int i = 0; i < 3; i++)
		nf_tx_post(&tx, (unsigned int)nf_tx_get(&tx), 1, 0, 60, 0);
	be_tx_answer(1, NETIF_RSP_OKAY);
	be_tx_answer(1, NETIF_RSP_ERROR);
	be_tx_answer(1, NETIF_RSP_DROPPED);
	CHECK(nf_tx_reap(&tx, &c, why, sizeof(why)) == 3);
	CHECK(c.ok == 1 && c.error == 1 && c.dropped == 1);
}

TEST(tx_hostile_responses_are_refused)
{
	struct nf_tx_counts c = { 0 };
	int id;

	start_tx(0, 8);
	id = nf_tx_get(&tx);
	nf_tx_post(&tx, (unsigned int)id, 1, 0, 60, 0);
	be_tx_answer(1, NETIF_RSP_OKAY);
	nf_tx_slot(&txp.s, 0)->rsp.id = 8;
	CHECK(nf_tx_reap(&tx, &c, why, sizeof(why)) == -XEN_EIO);
	CHECK(strstr(why, "no such buffer id") && tx.rsp_cons == 0);
	nf_tx_slot(&txp.s, 0)->rsp.id = (uint16_t)(id ^ 1); /* never posted */
	CHECK(nf_tx_reap(&tx, &c, why, sizeof(why)) == -XEN_EIO);
	CHECK(strstr(why, "not on the ring"));
	nf_tx_slot(&txp.s, 0)->rsp.id = (uint16_t)id;
	nf_tx_slot(&txp.s, 0)->rsp.status = NETIF_RSP_NULL;
	CHECK(nf_tx_reap(&tx, &c, why, sizeof(why)) == -XEN_EIO);
	CHECK(strstr(why, "no such status"));
	nf_tx_slot(&txp.s, 0)->rsp.status = NETIF_RSP_OKAY;
	txp.s.rsp_prod = 2; /* two answers to one request */
	CHECK(nf_tx_reap(&tx, &c, why, sizeof(why)) == -XEN_EIO);
	CHECK(strstr(why, "out of range"));
	txp.s.rsp_prod = 1;
	CHECK(nf_tx_reap(&tx, &c, why, sizeof(why)) == 1 && c.ok == 1);
}

TEST(tx_answered_twice_is_refused)
{
	struct nf_tx_counts c = { 0 };
	int a, b;

	start_tx(0, 8);
	a = nf_tx_get(&tx);
	b = nf_tx_get(&tx);
	nf_tx_post(&tx, (unsigned int)a, 1, 0, 60, 0);
	nf_tx_post(&tx, (unsigned int)b, 1, 2048, 60, 0);
	nf_tx_slot(&txp.s, 0)->rsp = (netif_tx_response_t){ .id = (uint16_t)a };
	nf_tx_slot(&txp.s, 1)->rsp = (netif_tx_response_t){ .id = (uint16_t)a };
	txp.s.rsp_prod = 2;
	CHECK(nf_tx_reap(&tx, &c, why, sizeof(why)) == -XEN_EIO);
	CHECK(strstr(why, "not on the ring") && c.ok == 1);
	CHECK(tx.rsp_cons == 1 && tx.state[b] == NF_TX_ON_RING);
}

TEST(tx_arm)
{
	start_tx(3, 8);
	CHECK(!nf_tx_arm(&tx));
	CHECK(txp.s.rsp_event == 4);
}

/* A slot the old backend had written a response into without
 * publishing it: what a save may copy. */
static void half_written_rx(RING_IDX at)
{
	nf_rx_slot(&rxp.s, at)->rsp =
		(netif_rx_response_t){ .id = 3, .offset = 77, .status = 60 };
}

TEST(rx_resume_writes_each_unanswered_buffer_once)
{
	struct nf_rx_pkt p;
	bool seen[NF_RX_BUFS] = { false };
	RING_IDX prod;
	int k = 0;

	start_rx(0xfffffff0U, NF_RX_BUFS);
	nf_rx_refill(&rx);
	be_rx_answer(10, 60, 0);
	for (int i = 0; i < 3; i++)
		CHECK(nf_rx_take(&rx, &p, why, sizeof(why)) == 1);
	prod = rxp.s.rsp_prod;
	half_written_rx(prod);
	half_written_rx(prod + 1);
	/* 253 buffers posted, 7 answered and not consumed yet. */
	CHECK(nf_rx_resume(&rx, why, sizeof(why)) == 246);
	CHECK(rxp.s.req_prod == rx.req_prod && rx.req_prod - prod == 246);
	for (RING_IDX at = prod; at != rx.req_prod; at++) {
		netif_rx_request_t r = nf_rx_slot(&rxp.s, at)->req;

		CHECK(r.id < NF_RX_BUFS && rx.posted[r.id] && !seen[r.id]);
		CHECK(r.gref == 1000U + r.id);
		seen[r.id] = true;
	}
	/* A new netback attaches at rsp_prod and answers everything; the 7
	 * answered before the save come first, then the 246. */
	be_rx_req_cons = prod;
	be_rx_answer(246, 60, 0);
	while (nf_rx_take(&rx, &p, why, sizeof(why)) == 1)
		k++;
	CHECK(k == 253);
	nf_rx_refill(&rx);
	CHECK(rx.req_prod - rx.rsp_cons == NF_RX_BUFS);
}

TEST(rx_resume_refuses_responses_that_make_no_sense)
{
	start_rx(0, 8);
	nf_rx_refill(&rx);
	be_rx_answer(2, 60, 0);
	nf_rx_slot(&rxp.s, 1)->rsp.id = nf_rx_slot(&rxp.s, 0)->rsp.id;
	CHECK(nf_rx_resume(&rx, why, sizeof(why)) == -XEN_EIO);
	CHECK(strstr(why, "answered twice"));
	start_rx(0, 8);
	nf_rx_refill(&rx);
	rxp.s.rsp_prod = 9;
	CHECK(nf_rx_resume(&rx, why, sizeof(why)) == -XEN_EIO);
	CHECK(strstr(why, "out of range"));
}

TEST(tx_resume_hands_unanswered_frames_over_oldest_first)
{
	struct nf_tx_counts c = { 0 };
	int id[5];

	start_tx(0xfffffffeU, 8);
	for (int i = 0; i < 5; i++) {
		id[i] = nf_tx_get(&tx);
		nf_tx_post(&tx, (unsigned int)id[i], 50 + i, (id[i] & 1) * 2048,
			   60 + i, 0);
	}
	/* Answered out of order: the second frame, then the fourth;
	 * the slot after them holds a response never published. */
	nf_tx_slot(&txp.s, 0xfffffffeU)->rsp =
		(netif_tx_response_t){ .id = (uint16_t)id[1] };
	nf_tx_slot(&txp.s, 0xffffffffU)->rsp =
		(netif_tx_response_t){ .id = (uint16_t)id[3] };
	nf_tx_slot(&txp.s, 0)->rsp =
		(netif_tx_response_t){ .id = (uint16_t)id[0] };
	txp.s.rsp_prod = 0;
	CHECK(nf_tx_resume(&tx, why, sizeof(why)) == 3);
	CHECK(txp.s.req_prod == 3);
	for (int i = 0, want[] = { 0, 2, 4 }; i < 3; i++) {
		netif_tx_request_t r = nf_tx_slot(&txp.s, (RING_IDX)i)->req;

		CHECK(r.id == id[want[i]] &&
		      r.gref == (grant_ref_t)(50 + want[i]));
		CHECK(r.size == 60 + want[i] &&
		      r.offset == (id[want[i]] & 1) * 2048);
	}
	be_tx_req_cons = 0;
	be_tx_answer(3, NETIF_RSP_OKAY);
	CHECK(nf_tx_reap(&tx, &c, why, sizeof(why)) == 5);
	CHECK(c.ok == 5 && nf_tx_inflight(&tx) == 0);
}

TEST(tx_resume_refuses_an_answer_for_a_free_buffer)
{
	int a;

	start_tx(0, 8);
	a = nf_tx_get(&tx);
	nf_tx_post(&tx, (unsigned int)a, 1, 0, 60, 0);
	nf_tx_slot(&txp.s, 0)->rsp = (netif_tx_response_t){ .id = 5 };
	txp.s.rsp_prod = 1;
	CHECK(nf_tx_resume(&tx, why, sizeof(why)) == -XEN_EIO);
	CHECK(strstr(why, "not on the ring"));
}
