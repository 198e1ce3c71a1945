/*
 * netfront_internal.h - between the files of the vif driver:
 *   netfront.c       opening and closing, the handshake's keys, the list
 *   netfront_bufs.c  the buffer pages and their grants
 *   netfront_io.c    the event, sending, receiving, stopping
 *   netfront_pm.c    suspend and resume, draining at shutdown
 *   netfront_ring.c  the rings' bookkeeping (pure)
 *   netfront_cfg.c   mac, mtu and ip= (pure)
 * Apps see struct netdev as an opaque handle (include/pvmini/netdev.h).
 */
#ifndef KERNEL_DRIVERS_NET_NETFRONT_INTERNAL_H
#define KERNEL_DRIVERS_NET_NETFRONT_INTERNAL_H

#include <pvmini/netdev.h>
#include <pvmini/thread.h>
#include "kernel/drivers/net/netfront_ring.h"
#include "kernel/xenbus/frontend.h"

#define NF_TX_PAGES (NF_TX_BUFS / 2)

struct netdev {
	/* The handshake; xb.wq is the vif's one wait queue: responses on
	 * either ring, the backend's state, deadlines. */
	struct xenbus_dev xb;
	uint8_t mac[6];
	char mac_text[18];
	unsigned int mtu;
	int ip_rc; /* netdev_ipv4_setting's answer */
	struct netdev_ipv4 ip;

	struct nf_rx rx;
	struct nf_tx tx;
	evtchn_port_t port;
	/* Buffers: one page per RX id, two TX ids per page. A grant is
	 * made at connect and ended at close; in between every frame
	 * reuses it. */
	void *rx_page[NF_RX_BUFS];
	void *tx_page[NF_TX_PAGES];
	grant_ref_t rx_gref[NF_RX_BUFS], tx_gref[NF_TX_PAGES];
	bool rx_granted[NF_RX_BUFS], tx_granted[NF_TX_PAGES];

	struct mutex rx_lock; /* one netdev_poll at a time */
	int stopped;	      /* 0, or why the data path ended (errno) */
	bool suspended;	      /* between the suspend and resume hooks */
	bool closing;
	struct netdev_stats stats;
	struct suspend_hook pm;
	struct netdev *next;
};

extern struct netdev *netdevs; /* open ones */

/* netfront_bufs.c: allocates every page (once per open). */
int nf_bufs_alloc(struct netdev *nd);
/* Grants every buffer to the backend; 0 or the error. */
int nf_bufs_grant(struct netdev *nd);
/* Ends the grants (the backend has let go); pages it still maps are
 * kept for good, like the rings'. Returns how many were kept. */
unsigned int nf_bufs_end_grants(struct netdev *nd);
/* Frees the pages whose grants ended (or were never made). */
void nf_bufs_free(struct netdev *nd);

/* netfront_io.c */
void nf_on_event(evtchn_port_t port, void *data);
/* Ends the data path for good with a message (once); wakes everyone. */
void nf_stop(struct netdev *nd, int err, const char *why);
/* Frees what the backend finished sending; false once stopped. */
bool nf_tx_collect(struct netdev *nd);
/* Puts the rings in their first state and posts every RX buffer. */
void nf_rings_start(struct netdev *nd, void *rx_ring, void *tx_ring);

/* netfront.c: the handshake, from the rings to Connected. */
int nf_connect(struct netdev *nd);

/* netfront_pm.c */
void nf_pm_register(struct netdev *nd);
void nf_pm_unregister(struct netdev *nd);
/* Drains every vif at `xl shutdown` (registered with the first open). */
void nf_shutdown_hook_once(void);
/* Waits (at most ns) until no frame is in flight; returns how many
 * still are. */
unsigned int nf_tx_drain(struct netdev *nd, uint64_t ns);

#endif
