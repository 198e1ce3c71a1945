/*
 * netfront_ring.h - the bookkeeping of a vif's two shared rings
 * (xen/io/netif.h), with no hypercall inside: which buffer ids are on
 * each ring, what the backend answered, and whether it may be believed
 * (kernel/drivers/net/netfront_ring.c, pure; tests/unit/test_nf_ring.c,
 * tests/fuzz/fuzz_nf_ring.c). The driver grants, copies and notifies.
 *
 * RX: every buffer is one whole granted page; the request carries its
 * id and gref, netback copies a frame into it (rx-copy) and answers in
 * the same slot with the id, offset, flags and size (status). Every
 * response consumed frees its id; nf_rx_refill posts exactly the freed
 * ids again, so that req_prod - rsp_cons stays equal to the number of
 * buffers (the off-by-one refills of other frontends either starve the
 * ring or post a buffer twice).
 *
 * TX: a buffer is half a page (a frame of an MTU of 1500 fits, and a
 * request must not cross a page); the response names the id, which
 * then is free again: its grant stays for the next frame.
 *
 * The pages are shared with the backend, which can write anything at
 * any time. Each response is copied once and checked before use: an id
 * that is not on the ring, an offset or size past the page, a flag we
 * never negotiated, a status that means nothing, or a producer index
 * that claims more responses than requests is -XEN_EIO, with why, and
 * nothing is consumed: the driver stops the vif.
 */
#ifndef KERNEL_DRIVERS_NET_NETFRONT_RING_H
#define KERNEL_DRIVERS_NET_NETFRONT_RING_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>
#include <xen/io/netif.h>

#define NF_PAGE_SIZE 4096
/* The slots a page holds, rounded down to a power of two (ring.h). */
#define NF_RX_RING_SIZE 256U
#define NF_TX_RING_SIZE 256U
_Static_assert(NF_RX_RING_SIZE == __CONST_RING_SIZE(netif_rx, NF_PAGE_SIZE),
	       "RX ring size");
_Static_assert(NF_TX_RING_SIZE == __CONST_RING_SIZE(netif_tx, NF_PAGE_SIZE),
	       "TX ring size");
/* One buffer per RX slot; TX buffers (half pages) need not fill theirs. */
#define NF_RX_BUFS NF_RX_RING_SIZE
#define NF_TX_BUFS 128U
#define NF_TX_BUF_SIZE (NF_PAGE_SIZE / 2)
#define NF_ETH_HLEN 14

/*
 * Slot i of a ring page. ring.h declares ring[1] and lets it run over
 * the page; indexing it past 0 is out of bounds to the compiler (and to
 * UBSan), so the slot is found by its offset in the page.
 */
static inline union netif_rx_sring_entry *nf_rx_slot(netif_rx_sring_t *s,
						     RING_IDX i)
{
	return (union netif_rx_sring_entry *)((char *)s +
					      offsetof(netif_rx_sring_t,
						       ring)) +
	       (i & (NF_RX_RING_SIZE - 1));
}

static inline union netif_tx_sring_entry *nf_tx_slot(netif_tx_sring_t *s,
						     RING_IDX i)
{
	return (union netif_tx_sring_entry *)((char *)s +
					      offsetof(netif_tx_sring_t,
						       ring)) +
	       (i & (NF_TX_RING_SIZE - 1));
}

struct nf_rx {
	netif_rx_sring_t *s;
	RING_IDX req_prod; /* ours: what the backend may take */
	RING_IDX rsp_cons; /* responses we consumed */
	unsigned int nbufs, nfree;
	uint16_t free[NF_RX_BUFS]; /* consumed, waiting to be posted */
	bool posted[NF_RX_BUFS];   /* id is on the ring */
	grant_ref_t gref[NF_RX_BUFS];
	unsigned long posted_total, consumed_total;
};

/* A response checked and consumed: the frame is at offset in buffer id. */
struct nf_rx_pkt {
	unsigned int id, offset, len, flags;
	int status; /* < 0: NETIF_RSP_* or a grant-copy error; len is 0 */
};

/* A TX buffer is free, taken by a sender filling it, or on the ring
 * until the backend answers; only the last may be answered. */
enum nf_tx_state { NF_TX_FREE, NF_TX_TAKEN, NF_TX_ON_RING };

struct nf_tx {
	netif_tx_sring_t *s;
	RING_IDX req_prod, rsp_cons;
	unsigned int nbufs, nfree;
	uint16_t free[NF_TX_BUFS];
	uint8_t state[NF_TX_BUFS]; /* enum nf_tx_state */
	/* Each id's last request and where it went: written again for a
	 * new backend after a restore (nf_tx_resume). */
	netif_tx_request_t sent[NF_TX_BUFS];
	RING_IDX sent_at[NF_TX_BUFS];
};

struct nf_tx_counts {
	unsigned long ok, error, dropped;
};

/* page: the zeroed, granted ring page; gref[i]: buffer i's grant. */
void nf_rx_init(struct nf_rx *rx, void *page, unsigned int nbufs,
		const grant_ref_t *gref);
/* Posts every freed id again; returns whether the backend needs an
 * event (it asked for one at an index we passed). */
bool nf_rx_refill(struct nf_rx *rx);
/*
 * The next response: 1 with *p filled (its id stays off the ring until
 * the next refill, so the frame can be copied out first), 0 if there is
 * none, -XEN_EIO if the backend broke the protocol (why says how;
 * nothing consumed).
 */
int nf_rx_take(struct nf_rx *rx, struct nf_rx_pkt *p, char *why, size_t n);
/* Responses waiting (read from the event handler: no side effect). */
bool nf_rx_pending(const struct nf_rx *rx);
/* Before sleeping: asks for an event at the next response; returns
 * whether one arrived meanwhile (then do not sleep). */
bool nf_rx_arm(struct nf_rx *rx);

void nf_tx_init(struct nf_tx *tx, void *page, unsigned int nbufs);
/* A free buffer id, taken, or -1 while all are in use. */
int nf_tx_get(struct nf_tx *tx);
/* Gives back a taken id that was not posted after all. */
void nf_tx_unget(struct nf_tx *tx, unsigned int id);
/* Puts the request for buffer id (from nf_tx_get) on the ring; returns
 * whether the backend needs an event. */
bool nf_tx_post(struct nf_tx *tx, unsigned int id, grant_ref_t gref,
		unsigned int offset, unsigned int size, unsigned int flags);
/* Frees the ids of every response; returns how many, or -XEN_EIO (why
 * says how; the good ones before it were counted). */
int nf_tx_reap(struct nf_tx *tx, struct nf_tx_counts *c, char *why, size_t n);
bool nf_tx_pending(const struct nf_tx *tx);
bool nf_tx_arm(struct nf_tx *tx);
/* Buffers taken or on the ring. */
unsigned int nf_tx_inflight(const struct nf_tx *tx);

/*
 * After a restore, before the new backend maps the rings: every slot
 * from the shared rsp_prod to req_prod gets its request written again
 * from our records - RX: each buffer posted and not answered; TX: each
 * frame on the ring and not answered, oldest first. Published responses
 * stay, to be consumed as usual. Returns how many requests were written,
 * or -XEN_EIO (why says how) if the responses make no sense.
 */
int nf_rx_resume(struct nf_rx *rx, char *why, size_t n);
int nf_tx_resume(struct nf_tx *tx, char *why, size_t n);

#endif
