/*
 * fuzz_nf_ring.c - a vif's ring bookkeeping
 * (kernel/drivers/net/netfront_ring.c) against a backend that is honest
 * most of the time and sometimes writes anything into the shared page:
 * a response slot of random bytes, one with a plausible but wrong id
 * (never posted, answered twice), an offset or size past the page, a
 * flag never negotiated, a producer index anywhere. Rings start near the
 * 2^32 index wrap; the number of buffers is anything from 1 to the ring.
 *
 * The oracle is a model written from netif.h's rules, not from the code:
 *  - RX: which ids are on the ring; a take returns exactly what the
 *    response in the next slot says when every rule holds, -XEN_EIO when
 *    one does not (and then consumes nothing), 0 with nothing new; a
 *    refill posts exactly the ids freed since the last one, each with
 *    its own gref, and nothing else on the page changes;
 *  - TX: which ids are out; a reap frees exactly the ids the responses
 *    name, counts their statuses, and stops at the first bad one;
 *  - arming: rsp_event = rsp_cons + 1 unless a response waits.
 * The page is a heap block of exactly 4096 bytes, so ASan sees a slot
 * written or read one past it.
 */
#include "kernel/drivers/net/netfront_ring.h"
#include "fuzz.h"

static char *page;
static char before[NF_PAGE_SIZE];
static void dump(void)
{
	printf("%s", fz_log_text);
}

static RING_IDX start_index(void)
{
	return fz_chance(50) ? (RING_IDX)fz_u64() : (RING_IDX)-fz_below(600);
}

/* Every byte of the page not marked in may[] is as it was. */
static bool may[NF_PAGE_SIZE];

static bool any_may;

static void only_changed(const char *what)
{
	if (!any_may) {
		FZ_CHECK(!memcmp(page, before, NF_PAGE_SIZE),
			 "%s wrote the page", what);
		return;
	}
	for (size_t i = 0; i < NF_PAGE_SIZE; i++)
		FZ_CHECK(may[i] || page[i] == before[i], "%s wrote byte %zu",
			 what, i);
	memset(may, 0, sizeof(may));
	any_may = false;
}

static void may_write(const void *p, size_t n)
{
	memset(may + ((const char *)p - page), 1, n);
	any_may = true;
}

/* ---------------------------------------------------------------- RX */

static struct nf_rx rx;
static netif_rx_sring_t *rs;
static bool on_ring[NF_RX_BUFS];
static unsigned int freed; /* taken since the last refill */
static grant_ref_t grefs[NF_RX_BUFS];
static RING_IDX be_cons; /* how far the backend read requests */

static void rx_refill(void)
{
	RING_IDX old = rx.req_prod, n = freed;
	bool seen[NF_RX_BUFS] = { false };

	memcpy(before, page, NF_PAGE_SIZE);
	nf_rx_refill(&rx);
	fz_note("  refill: %u -> %u\n", old, rx.req_prod);
	FZ_CHECK(rx.req_prod == old + n, "posted %u, freed %u",
		 rx.req_prod - old, n);
	FZ_CHECK(rs->req_prod == rx.req_prod, "req_prod not published");
	for (RING_IDX i = old; i != rx.req_prod; i++) {
		netif_rx_request_t q = nf_rx_slot(rs, i)->req;

		FZ_CHECK(q.id < rx.nbufs && !on_ring[q.id] && !seen[q.id],
			 "request %u posts id %u again", i, q.id);
		FZ_CHECK(q.gref == grefs[q.id], "id %u with gref %u", q.id,
			 q.gref);
		seen[q.id] = true;
	}
	for (unsigned int id = 0; id < NF_RX_BUFS; id++)
		on_ring[id] |= seen[id];
	freed = 0;
	/* The slots posted and req_prod, nothing else. */
	for (RING_IDX i = old; i != rx.req_prod; i++)
		may_write(nf_rx_slot(rs, i), sizeof(netif_rx_request_t));
	may_write(&rs->req_prod, sizeof(rs->req_prod));
	only_changed("refill");
}

/* The rules, read off netif.h: 1 ok, -EIO broken, 0 nothing. */
static int rx_expect(struct nf_rx_pkt *want)
{
	RING_IDX prod = rs->rsp_prod;
	netif_rx_response_t r;

	if ((RING_IDX)(prod - rx.rsp_cons) >
	    (RING_IDX)(rx.req_prod - rx.rsp_cons))
		return -XEN_EIO;
	if (prod == rx.rsp_cons)
		return 0;
	r = nf_rx_slot(rs, rx.rsp_cons)->rsp;
	if (r.id >= rx.nbufs || !on_ring[r.id] || (r.flags & 0x1c))
		return -XEN_EIO;
	if (r.offset >= NF_PAGE_SIZE ||
	    r.offset + (r.status > 0 ? r.status : 0) > NF_PAGE_SIZE)
		return -XEN_EIO;
	*want = (struct nf_rx_pkt){ r.id, r.offset,
				    r.status > 0 ? (unsigned)r.status : 0,
				    r.flags, r.status };
	return 1;
}

/* false once the ring is broken (the driver stops the vif then). */
static bool rx_take_all(void)
{
	for (;;) {
		struct nf_rx_pkt want = { 0 }, got = { 99, 99, 99, 99, 99 };
		RING_IDX cons = rx.rsp_cons;
		char why[160];
		int w = rx_expect(&want), rc;

		memcpy(before, page, NF_PAGE_SIZE);
		rc = nf_rx_take(&rx, &got, why, sizeof(why));
		fz_note("  take at %u: %d (want %d)%s%s\n", cons, rc, w,
			rc < 0 ? ": " : "", rc < 0 ? why : "");
		FZ_CHECK(rc == w, "take %d, the rules say %d", rc, w);
		only_changed("take");
		if (rc <= 0) {
			FZ_CHECK(rx.rsp_cons == cons, "consumed on %d", rc);
			return rc == 0;
		}
		FZ_CHECK(!memcmp(&got, &want, sizeof(got)),
			 "packet id %u off %u len %u", got.id, got.offset,
			 got.len);
		on_ring[got.id] = false;
		freed++;
	}
}

/* Answers up to k requests as netback does: same slot, id echoed. */
static void rx_honest(unsigned int k)
{
	while (k-- && be_cons != rs->req_prod) {
		netif_rx_response_t *r = &nf_rx_slot(rs, be_cons)->rsp;
		unsigned int id = nf_rx_slot(rs, be_cons)->req.id;
		unsigned int off = fz_chance(80) ? 0 : (unsigned)fz_below(4096);

		r->id = (uint16_t)id;
		r->offset = (uint16_t)off;
		r->flags = (uint16_t)(fz_chance(70) ? 0 : fz_below(4));
		r->status =
			(int16_t)(fz_chance(90)
					  ? (int)(1 +
						  fz_below(NF_PAGE_SIZE - off))
					  : -(int)fz_below(13));
		be_cons++;
	}
	rs->rsp_prod = be_cons;
	fz_note("  backend answers up to %u\n", be_cons);
}

/* An index near a limit: the limit itself and one either side. */
static RING_IDX near(RING_IDX limit)
{
	return limit + (RING_IDX)fz_below(3) - 1;
}

static void rx_hostile(void)
{
	netif_rx_response_t *r = &nf_rx_slot(rs, rx.rsp_cons)->rsp;

	switch (fz_below(7)) {
	case 0:
		fz_fill(r, sizeof(*r));
		break;
	case 1: /* the first id past the buffers, one taken already, any */
		r->id = (uint16_t)(fz_chance(30) ? near(rx.nbufs)
						 : fz_edge(rx.nbufs + 2));
		break;
	case 2:
		r->offset = (uint16_t)fz_edge(NF_PAGE_SIZE + 2);
		r->status = (int16_t)fz_edge(NF_PAGE_SIZE + 2);
		break;
	case 3: /* a frame ending at the page's end, or one byte past */
		r->offset = (uint16_t)fz_below(NF_PAGE_SIZE);
		r->status = (int16_t)near(NF_PAGE_SIZE - r->offset);
		break;
	case 4:
		r->flags = (uint16_t)(1u << fz_below(16));
		break;
	case 5: /* as many responses as requests, or one more */
		rs->rsp_prod = near(rx.req_prod);
		fz_note("  backend sets rsp_prod %u\n", rs->rsp_prod);
		return;
	default:
		rs->rsp_prod = rx.rsp_cons + (RING_IDX)fz_edge(0xffffffffu);
		fz_note("  backend sets rsp_prod %u\n", rs->rsp_prod);
		return;
	}
	if (rs->rsp_prod == rx.rsp_cons)
		rs->rsp_prod++;
	fz_note("  backend writes slot %u: id %u off %u flags %#x status %d\n",
		rx.rsp_cons, r->id, r->offset, r->flags, r->status);
}

FUZZ(rx_backend, 2000)
{
	RING_IDX at = start_index();
	unsigned int nbufs = fz_chance(20)
				     ? NF_RX_BUFS
				     : 1 + (unsigned)fz_edge(NF_RX_BUFS - 1);

	page = malloc(NF_PAGE_SIZE);
	memset(page, 0, NF_PAGE_SIZE);
	fz_dump = dump;
	memset(on_ring, 0, sizeof(on_ring));
	for (unsigned int i = 0; i < NF_RX_BUFS; i++)
		grefs[i] = (grant_ref_t)fz_u64();
	nf_rx_init(&rx, page, nbufs, grefs);
	rs = rx.s;
	rx.req_prod = rx.rsp_cons = rs->req_prod = rs->rsp_prod = be_cons = at;
	freed = nbufs;
	fz_note("  %u buffers from index %u\n", nbufs, at);
	rx_refill();
	for (unsigned int k = 1 + fz_below(40); k; k--) {
		if (fz_chance(8))
			rx_hostile();
		else
			rx_honest((unsigned)fz_below(nbufs + 1));
		if (!rx_take_all())
			break;
		if (fz_chance(80))
			rx_refill();
		if (fz_chance(30)) {
			bool more = nf_rx_arm(&rx);

			FZ_CHECK(more == (rs->rsp_prod != rx.rsp_cons),
				 "arm says %d", more);
			FZ_CHECK(more || rs->rsp_event == rx.rsp_cons + 1,
				 "rsp_event %u", rs->rsp_event);
		}
	}
	free(page);
}

/* ---------------------------------------------------------------- TX */

static struct nf_tx tx;
static netif_tx_sring_t *ts;
static bool out[NF_TX_BUFS];  /* posted, not answered */
static bool held[NF_TX_BUFS]; /* taken by a sender, not posted yet */
static RING_IDX be_tx_cons;

static void tx_send_some(void)
{
	for (unsigned int k = (unsigned)fz_below(tx.nbufs + 2); k; k--) {
		int id = nf_tx_get(&tx);
		unsigned int size = 14 + (unsigned)fz_below(2035);
		unsigned int off = fz_chance(50) ? 0 : NF_TX_BUF_SIZE;

		if (id < 0) {
			for (unsigned int i = 0; i < tx.nbufs; i++)
				FZ_CHECK(out[i] || held[i],
					 "id %u free, get says none", i);
			return;
		}
		FZ_CHECK(!out[id] && !held[id], "id %d handed out twice", id);
		if (fz_chance(10)) {
			held[id] = true; /* posted, or given back, later */
			continue;
		}
		nf_tx_post(&tx, (unsigned)id, 5, off, size, 0);
		out[id] = true;
	}
	for (unsigned int id = 0; id < tx.nbufs; id++)
		if (held[id] && fz_chance(30)) {
			held[id] = false;
			if (fz_chance(50)) {
				nf_tx_unget(&tx, id);
				continue;
			}
			nf_tx_post(&tx, id, 5, 0, 60, 0);
			out[id] = true;
		}
}

/* Answers posted requests in any order of its reading. */
static void tx_honest(void)
{
	static const int16_t st[] = { NETIF_RSP_OKAY, NETIF_RSP_ERROR,
				      NETIF_RSP_DROPPED };
	RING_IDX prod = ts->rsp_prod;

	while (be_tx_cons != ts->req_prod && fz_chance(80)) {
		netif_tx_response_t *r = &nf_tx_slot(ts, prod++)->rsp;

		r->id = nf_tx_slot(ts, be_tx_cons++)->req.id;
		r->status = st[fz_below(3)];
	}
	ts->rsp_prod = prod;
}

static unsigned int count_out(void)
{
	unsigned int n = 0;

	for (unsigned int id = 0; id < tx.nbufs; id++)
		n += out[id] || held[id];
	return n;
}

static void tx_reap(void)
{
	struct nf_tx_counts c = { 0 }, want = { 0 };
	bool freed_now[NF_TX_BUFS] = { false };
	RING_IDX prod = ts->rsp_prod, i = tx.rsp_cons;
	int expect = 0, rc;
	char why[160];

	if ((RING_IDX)(prod - i) > (RING_IDX)(tx.req_prod - i)) {
		expect = -XEN_EIO;
	} else {
		for (; i != prod; i++) {
			netif_tx_response_t r = nf_tx_slot(ts, i)->rsp;

			if (r.id >= tx.nbufs || !out[r.id] || freed_now[r.id] ||
			    r.status < NETIF_RSP_DROPPED || r.status > 0) {
				expect = -XEN_EIO;
				break;
			}
			freed_now[r.id] = true;
			*(r.status == 0	   ? &want.ok
			  : r.status == -1 ? &want.error
					   : &want.dropped) += 1;
			expect++;
		}
	}
	rc = nf_tx_reap(&tx, &c, why, sizeof(why));
	fz_note("  reap: %d (want %d)%s%s\n", rc, expect, rc < 0 ? ": " : "",
		rc < 0 ? why : "");
	FZ_CHECK(rc == expect, "reap %d, the rules say %d", rc, expect);
	FZ_CHECK(!memcmp(&c, &want, sizeof(c)), "counts %lu/%lu/%lu", c.ok,
		 c.error, c.dropped);
	for (unsigned int id = 0; id < tx.nbufs; id++)
		if (freed_now[id])
			out[id] = false;
	FZ_CHECK(nf_tx_inflight(&tx) == count_out(), "in flight %u, out %u",
		 nf_tx_inflight(&tx), count_out());
}

static void tx_hostile(void)
{
	netif_tx_response_t *r = &nf_tx_slot(ts, ts->rsp_prod)->rsp;
	unsigned int id = (unsigned)fz_below(tx.nbufs);

	switch (fz_below(4)) {
	case 0:
		ts->rsp_prod += (RING_IDX)fz_edge(0xffffffffu);
		return;
	case 1: /* as many responses as requests, or one more */
		ts->rsp_prod = near(tx.req_prod);
		return;
	case 2: /* an id taken but not posted, free, or answered */
		while (!held[id] && fz_chance(90))
			id = (unsigned)fz_below(tx.nbufs);
		r->id = (uint16_t)id;
		break;
	default:
		r->id = (uint16_t)(fz_chance(30) ? near(tx.nbufs)
						 : fz_edge(tx.nbufs + 2));
	}
	r->status = (int16_t)(fz_chance(50) ? fz_below(5) - 3 : fz_u64());
	ts->rsp_prod++;
	fz_note("  backend answers id %u status %d\n", r->id, r->status);
}

FUZZ(tx_backend, 3000)
{
	RING_IDX at = start_index();
	unsigned int nbufs = fz_chance(20)
				     ? NF_TX_BUFS
				     : 1 + (unsigned)fz_edge(NF_TX_BUFS - 1);

	page = malloc(NF_PAGE_SIZE);
	memset(page, 0, NF_PAGE_SIZE);
	fz_dump = dump;
	memset(out, 0, sizeof(out));
	memset(held, 0, sizeof(held));
	nf_tx_init(&tx, page, nbufs);
	ts = tx.s;
	tx.req_prod = tx.rsp_cons = ts->req_prod = ts->rsp_prod = at;
	be_tx_cons = at;
	fz_note("  %u buffers from index %u\n", nbufs, at);
	for (unsigned int k = 1 + fz_below(40); k; k--) {
		tx_send_some();
		if (fz_chance(8))
			tx_hostile();
		else
			tx_honest();
		tx_reap();
		if (tx.rsp_cons != ts->rsp_prod) /* broken: the vif stops */
			break;
	}
	free(page);
}
