/*
 * netfront_ring.c - a vif's RX and TX rings, as the frontend keeps them
 * (kernel/drivers/net/netfront_ring.h says what each call promises).
 *
 * Ordering, as xen/io/ring.h asks of both ends: requests are written,
 * then req_prod is published with a release store; the backend's
 * rsp_prod is read with an acquire load before the responses it
 * covers. Between publishing req_prod and reading req_event (does the
 * backend want an event?) and between writing rsp_event and reading
 * rsp_prod again (did a response slip in?) a full fence: otherwise
 * both sides can miss each other and the ring stalls.
 *
 * Each response is copied out of the shared page once (volatile) and
 * only the copy is checked and used: the backend may change the slot
 * between a check and a use.
 */
#include "lib/assert.h"
#include "kernel/drivers/net/netfront_ring.h"

#define FULL_FENCE() __atomic_thread_fence(__ATOMIC_SEQ_CST)

static RING_IDX load_acquire(const RING_IDX *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

/* The backend asked for an event at req_event: did we pass it? */
static bool publish_prod(RING_IDX *prod, const RING_IDX *event, RING_IDX old,
			 RING_IDX new)
{
	__atomic_store_n(prod, new, __ATOMIC_RELEASE);
	FULL_FENCE();
	return (RING_IDX)(new - *(volatile const RING_IDX *)event) <
	       (RING_IDX)(new - old);
}

/* No more responses than requests outstanding: a backend's rsp_prod
 * beyond that (or behind cons) would have us read slots it never
 * answered, and free ids twice. */
static bool prod_broken(const char *ring, RING_IDX prod, RING_IDX cons,
			RING_IDX req_prod, char *why, size_t n)
{
	if ((RING_IDX)(prod - cons) <= (RING_IDX)(req_prod - cons))
		return false;
	snprintf(why, n,
		 "%s rsp_prod %u is out of range: %u responses consumed, %u "
		 "requests posted",
		 ring, prod, cons, req_prod);
	return true;
}

void nf_rx_init(struct nf_rx *rx, void *page, unsigned int nbufs,
		const grant_ref_t *gref)
{
	ASSERT(nbufs >= 1 && nbufs <= NF_RX_BUFS);
	*rx = (struct nf_rx){ .s = page, .nbufs = nbufs };
	rx->s->req_event = rx->s->rsp_event = 1; /* SHARED_RING_INIT */
	/* Highest first, so that the first refill posts 0, 1, 2 ... */
	for (unsigned int i = 0; i < nbufs; i++) {
		rx->gref[i] = gref[i];
		rx->free[rx->nfree++] = (uint16_t)(nbufs - 1 - i);
	}
}

bool nf_rx_refill(struct nf_rx *rx)
{
	RING_IDX old = rx->req_prod;

	if (!rx->nfree)
		return false;
	while (rx->nfree) {
		unsigned int id = rx->free[--rx->nfree];
		netif_rx_request_t *req = &nf_rx_slot(rx->s, rx->req_prod)->req;

		ASSERT(id < rx->nbufs && !rx->posted[id]);
		req->id = (uint16_t)id;
		req->gref = rx->gref[id];
		rx->posted[id] = true;
		rx->req_prod++;
		rx->posted_total++;
	}
	/* Exactly what was consumed went back: every buffer is posted. */
	ASSERT(rx->req_prod - rx->rsp_cons == rx->nbufs);
	return publish_prod(&rx->s->req_prod, &rx->s->req_event, old,
			    rx->req_prod);
}

static int rx_bad(char *why, size_t n, const char *what, RING_IDX idx,
		  const netif_rx_response_t *r)
{
	snprintf(why, n,
		 "RX response %u (id %u, offset %u, flags %#x, status %d): %s",
		 idx, r->id, r->offset, r->flags, r->status, what);
	return -XEN_EIO;
}

int nf_rx_take(struct nf_rx *rx, struct nf_rx_pkt *p, char *why, size_t n)
{
	RING_IDX prod = load_acquire(&rx->s->rsp_prod);
	netif_rx_response_t r;
	unsigned int end;

	if (prod_broken("RX", prod, rx->rsp_cons, rx->req_prod, why, n))
		return -XEN_EIO;
	if (prod == rx->rsp_cons)
		return 0;
	r = *(volatile netif_rx_response_t *)&nf_rx_slot(rx->s, rx->rsp_cons)
		     ->rsp;
	if (r.id >= rx->nbufs)
		return rx_bad(why, n, "no such buffer id", rx->rsp_cons, &r);
	if (!rx->posted[r.id])
		return rx_bad(why, n, "that buffer is not on the ring",
			      rx->rsp_cons, &r);
	/* Neither feature-sg nor GSO, XDP or hashing was negotiated: a
	 * frame is one slot, with no extra info after it. */
	if (r.flags &
	    (NETRXF_more_data | NETRXF_extra_info | NETRXF_gso_prefix))
		return rx_bad(why, n, "a flag we never negotiated",
			      rx->rsp_cons, &r);
	end = (unsigned int)r.offset +
	      (r.status > 0 ? (unsigned int)r.status : 0);
	if (r.offset >= NF_PAGE_SIZE || end > NF_PAGE_SIZE)
		return rx_bad(why, n, "the frame runs past its page",
			      rx->rsp_cons, &r);
	*p = (struct nf_rx_pkt){ .id = r.id,
				 .offset = r.offset,
				 .flags = r.flags,
				 .status = r.status,
				 .len = r.status > 0 ? (unsigned int)r.status
						     : 0 };
	rx->posted[r.id] = false;
	rx->free[rx->nfree++] = r.id;
	rx->rsp_cons++;
	rx->consumed_total++;
	return 1;
}

/* Asks for an event at the response after cons, unless one waits;
 * the fence orders our rsp_event before our second look at rsp_prod,
 * against the backend's rsp_prod before its look at rsp_event. */
static bool arm(RING_IDX *event, const RING_IDX *prod, RING_IDX cons)
{
	if (load_acquire(prod) != cons)
		return true;
	*(volatile RING_IDX *)event = cons + 1;
	FULL_FENCE();
	return load_acquire(prod) != cons;
}

bool nf_rx_pending(const struct nf_rx *rx)
{
	return load_acquire(&rx->s->rsp_prod) != rx->rsp_cons;
}

bool nf_rx_arm(struct nf_rx *rx)
{
	return arm(&rx->s->rsp_event, &rx->s->rsp_prod, rx->rsp_cons);
}

void nf_tx_init(struct nf_tx *tx, void *page, unsigned int nbufs)
{
	ASSERT(nbufs >= 1 && nbufs <= NF_TX_BUFS && nbufs <= NF_TX_RING_SIZE);
	*tx = (struct nf_tx){ .s = page, .nbufs = nbufs };
	tx->s->req_event = tx->s->rsp_event = 1;
	for (unsigned int i = 0; i < nbufs; i++)
		tx->free[tx->nfree++] = (uint16_t)(nbufs - 1 - i);
}

int nf_tx_get(struct nf_tx *tx)
{
	unsigned int id;

	if (!tx->nfree)
		return -1;
	id = tx->free[--tx->nfree];
	ASSERT(id < tx->nbufs && tx->state[id] == NF_TX_FREE);
	tx->state[id] = NF_TX_TAKEN;
	return (int)id;
}

void nf_tx_unget(struct nf_tx *tx, unsigned int id)
{
	ASSERT(id < tx->nbufs && tx->state[id] == NF_TX_TAKEN);
	tx->state[id] = NF_TX_FREE;
	tx->free[tx->nfree++] = (uint16_t)id;
}

bool nf_tx_post(struct nf_tx *tx, unsigned int id, grant_ref_t gref,
		unsigned int offset, unsigned int size, unsigned int flags)
{
	RING_IDX old = tx->req_prod;
	netif_tx_request_t *req = &nf_tx_slot(tx->s, tx->req_prod)->req;

	/* netback ends the whole vif for a request across a page, and
	 * drops one shorter than an Ethernet header. */
	ASSERT(id < tx->nbufs && tx->state[id] == NF_TX_TAKEN);
	ASSERT(size >= NF_ETH_HLEN && offset + size <= NF_PAGE_SIZE);
	ASSERT(tx->req_prod - tx->rsp_cons < NF_TX_RING_SIZE);
	req->gref = gref;
	req->offset = (uint16_t)offset;
	req->flags = (uint16_t)flags;
	req->id = (uint16_t)id;
	req->size = (uint16_t)size;
	tx->sent[id] = *req;
	tx->sent_at[id] = tx->req_prod;
	tx->state[id] = NF_TX_ON_RING;
	tx->req_prod++;
	return publish_prod(&tx->s->req_prod, &tx->s->req_event, old,
			    tx->req_prod);
}

int nf_tx_reap(struct nf_tx *tx, struct nf_tx_counts *c, char *why, size_t n)
{
	RING_IDX prod = load_acquire(&tx->s->rsp_prod);
	int done = 0;

	if (prod_broken("TX", prod, tx->rsp_cons, tx->req_prod, why, n))
		return -XEN_EIO;
	for (; tx->rsp_cons != prod; tx->rsp_cons++, done++) {
		netif_tx_response_t r =
			*(volatile netif_tx_response_t *)&nf_tx_slot(
				 tx->s, tx->rsp_cons)
				 ->rsp;
		const char *what = NULL;

		if (r.id >= tx->nbufs)
			what = "no such buffer id";
		else if (tx->state[r.id] != NF_TX_ON_RING)
			what = "that buffer is not on the ring";
		else if (r.status == NETIF_RSP_OKAY)
			c->ok++;
		else if (r.status == NETIF_RSP_ERROR)
			c->error++;
		else if (r.status == NETIF_RSP_DROPPED)
			c->dropped++;
		else /* NETIF_RSP_NULL answers extra info: we send none */
			what = "no such status";
		if (what) {
			snprintf(why, n,
				 "TX response %u (id %u, status %d): %s",
				 tx->rsp_cons, r.id, r.status, what);
			return -XEN_EIO;
		}
		tx->state[r.id] = NF_TX_FREE;
		tx->free[tx->nfree++] = r.id;
	}
	return done;
}

bool nf_tx_pending(const struct nf_tx *tx)
{
	return load_acquire(&tx->s->rsp_prod) != tx->rsp_cons;
}

bool nf_tx_arm(struct nf_tx *tx)
{
	return arm(&tx->s->rsp_event, &tx->s->rsp_prod, tx->rsp_cons);
}

unsigned int nf_tx_inflight(const struct nf_tx *tx)
{
	return tx->nbufs - tx->nfree;
}

/*
 * After a restore. Linux's netback attaches to the rings it is given at
 * the shared rsp_prod: the requests from there to req_prod are still to
 * do (more than a ring holds and it refuses the vif). The pages came
 * along with the domain, but the old backend wrote into them until the
 * domain was destroyed: the save may have copied a slot holding a
 * response it had not published yet, where the new backend expects a
 * request. So those slots are written again from our own records.
 */

/* Marks the ids of the published responses not consumed yet; each must
 * name a different buffer that we gave the backend. */
static int mark_answered(const char *ring, void *s, bool is_rx, RING_IDX cons,
			 RING_IDX prod, bool *answered, const bool *given,
			 unsigned int nbufs, char *why, size_t n)
{
	for (RING_IDX at = cons; at != prod; at++) {
		unsigned int id =
			is_rx ? ((volatile netif_rx_response_t *)&nf_rx_slot(s,
									     at)
					 ->rsp)
					->id
			      : ((volatile netif_tx_response_t *)&nf_tx_slot(s,
									     at)
					 ->rsp)
					->id;

		if (id >= nbufs || !given[id] || answered[id]) {
			snprintf(why, n,
				 "%s response %u (id %u) before the restore: "
				 "%s",
				 ring, at, id,
				 id < nbufs && answered[id]
					 ? "that buffer was answered twice"
					 : "that buffer is not on the ring");
			return -XEN_EIO;
		}
		answered[id] = true;
	}
	return 0;
}

int nf_rx_resume(struct nf_rx *rx, char *why, size_t n)
{
	RING_IDX prod = load_acquire(&rx->s->rsp_prod), at = prod;
	bool answered[NF_RX_BUFS] = { false };
	int rc;

	if (prod_broken("RX", prod, rx->rsp_cons, rx->req_prod, why, n))
		return -XEN_EIO;
	rc = mark_answered("RX", rx->s, true, rx->rsp_cons, prod, answered,
			   rx->posted, rx->nbufs, why, n);
	if (rc)
		return rc;
	for (unsigned int id = 0; id < rx->nbufs; id++) {
		netif_rx_request_t *req;

		if (!rx->posted[id] || answered[id])
			continue;
		req = &nf_rx_slot(rx->s, at++)->req;
		req->id = (uint16_t)id;
		req->gref = rx->gref[id];
	}
	/* Posted = req_prod - rsp_cons, answered = prod - rsp_cons. */
	ASSERT(at == rx->req_prod);
	rx->s->rsp_event = rx->rsp_cons + 1;
	__atomic_store_n(&rx->s->req_prod, rx->req_prod, __ATOMIC_RELEASE);
	return (int)(rx->req_prod - prod);
}

int nf_tx_resume(struct nf_tx *tx, char *why, size_t n)
{
	RING_IDX prod = load_acquire(&tx->s->rsp_prod);
	bool answered[NF_TX_BUFS] = { false }, on_ring[NF_TX_BUFS];
	uint16_t todo[NF_TX_BUFS];
	unsigned int k = 0;
	int rc;

	if (prod_broken("TX", prod, tx->rsp_cons, tx->req_prod, why, n))
		return -XEN_EIO;
	for (unsigned int id = 0; id < tx->nbufs; id++)
		on_ring[id] = tx->state[id] == NF_TX_ON_RING;
	rc = mark_answered("TX", tx->s, false, tx->rsp_cons, prod, answered,
			   on_ring, tx->nbufs, why, n);
	if (rc)
		return rc;
	/* The frames not answered, oldest first (by how long ago they
	 * were posted): the new backend sends them in that order. */
	for (unsigned int id = 0; id < tx->nbufs; id++) {
		unsigned int j = k++;

		if (!on_ring[id] || answered[id]) {
			k--;
			continue;
		}
		for (; j && tx->req_prod - tx->sent_at[todo[j - 1]] <
				    tx->req_prod - tx->sent_at[id];
		     j--)
			todo[j] = todo[j - 1];
		todo[j] = (uint16_t)id;
	}
	/* On the ring = req_prod - rsp_cons, answered = prod - rsp_cons. */
	ASSERT(k == tx->req_prod - prod);
	for (unsigned int i = 0; i < k; i++) {
		nf_tx_slot(tx->s, prod + i)->req = tx->sent[todo[i]];
		tx->sent_at[todo[i]] = prod + i;
	}
	tx->s->rsp_event = tx->rsp_cons + 1;
	__atomic_store_n(&tx->s->req_prod, tx->req_prod, __ATOMIC_RELEASE);
	return (int)k;
}
