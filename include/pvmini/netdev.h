/*
 * netdev.h - network devices: the vifs of the domain's cfg
 * (`vif = ['bridge=xenbr0,mac=...,ip=...']`), each an Ethernet link to
 * dom0's netback (kernel/drivers/net/netfront*.c, docs/net.md). Frames
 * go out and come in whole: destination MAC first, no FCS, at most
 * mtu + 14 bytes.
 *
 * Receiving never runs app code in the event handler: the event only
 * wakes a thread waiting in netdev_wait, and netdev_poll hands the
 * waiting frames to a function in the calling thread. lwIP's glue
 * (lib/lwip/vif.c) is one user; an app can use a vif directly, as
 * long as lwIP does not (a vif is opened once).
 *
 * Calls return 0, a count, or a negative Xen errno:
 *   -XEN_ENOENT    no such vif (no device/vif/N)
 *   -XEN_EBUSY     it is open already
 *   -XEN_EBADMSG   xenstore holds something malformed for it (its mac)
 *   -XEN_ETIMEDOUT the backend did not answer in time
 *   -XEN_ENOTCONN  the backend closed the vif, or it is being closed
 *   -XEN_EIO       the backend broke the ring protocol: the vif has
 *                  stopped for good (the message says how)
 *   -XEN_EAGAIN    suspended for a save: the frame is dropped, like a
 *                  wire that is down for a moment
 *   -XEN_ENODEV    no xenstore (dom0)
 */
#ifndef PVMINI_NETDEV_H
#define PVMINI_NETDEV_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

struct netdev;

/* An IPv4 setting; addresses in network byte order (an in_addr's
 * s_addr), gateway 0 when there is none. */
struct netdev_ipv4 {
	uint32_t addr, netmask, gateway;
};

/* The vif numbers in xenstore (device/vif/N) into ids[max], smallest
 * first; returns how many there are (which may exceed max). */
int netdev_list(unsigned int *ids, unsigned int max);
/*
 * Waits until the vifs in xenstore may have changed since *gen (`xl
 * network-attach`, `network-detach`), or deadline (monotonic ns; 0:
 * none) passes: 0 with *gen updated, or -XEN_ETIMEDOUT. Start with
 * *gen = 0: the first call returns at once.
 */
int netdev_wait_change(unsigned long *gen, uint64_t deadline);

/* Connects vif id: the xenbus handshake with netback, the rings, the
 * receive buffers (at most 10 s). */
int netdev_open(unsigned int id, struct netdev **out);
/* Disconnects and frees the vif; threads waiting in it return
 * -XEN_ENOTCONN first. Frames still in flight are dropped. */
int netdev_close(struct netdev *nd);

unsigned int netdev_id(const struct netdev *nd);
void netdev_mac(const struct netdev *nd, uint8_t mac[6]);
/* The largest IP packet: 1500 unless the toolstack set less. */
unsigned int netdev_mtu(const struct netdev *nd);
/*
 * The vif's ip= setting from the cfg: 0 with *out set; -XEN_ENOENT if
 * the cfg has none (ask DHCP); -XEN_EBADMSG if it is malformed (open
 * said why: a wrong address is not guessed at).
 */
int netdev_ipv4_setting(const struct netdev *nd, struct netdev_ipv4 *out);

/*
 * Sends one frame (14 .. mtu + 14 bytes), copied into a buffer the
 * backend reads; returns once it is on the ring. If every buffer is in
 * flight it waits for the backend to finish one, at most 1 s, then
 * drops the frame (-XEN_ETIMEDOUT).
 */
int netdev_send(struct netdev *nd, const void *frame, size_t len);

/* What netdev_poll says about a frame (netback's NETRXF_*). */
#define NETDEV_RX_DATA_VALIDATED (1U << 0) /* checksums were checked */
#define NETDEV_RX_CSUM_BLANK (1U << 1)	   /* TCP/UDP checksum not filled */
typedef void (*netdev_rx_fn)(void *arg, const void *frame, size_t len,
			     unsigned int flags);
/*
 * Hands up to max waiting frames to fn(arg, frame, len, flags), one
 * after the other in the calling thread, and gives their buffers back
 * to the backend. The frame is only valid during the call. Returns how
 * many were handed, 0 if none waited, or an error once the vif stopped.
 */
int netdev_poll(struct netdev *nd, netdev_rx_fn fn, void *arg,
		unsigned int max);
/* Sleeps until a frame waits, the vif stops, or deadline (monotonic
 * ns; 0: none) passes: 0, the vif's error, or -XEN_ETIMEDOUT. */
int netdev_wait(struct netdev *nd, uint64_t deadline);
/* Waits for one frame (deadline as above) and copies it into buf;
 * returns its length (a longer frame is cut to size). */
long netdev_recv(struct netdev *nd, void *buf, size_t size, uint64_t deadline);

struct netdev_stats {
	unsigned long rx_frames, rx_bytes;
	unsigned long rx_errors; /* the backend answered an error */
	unsigned long rx_runts;	 /* shorter than an Ethernet header */
	unsigned long tx_frames, tx_bytes;
	unsigned long tx_errors;  /* the backend answered error/dropped */
	unsigned long tx_waits;	  /* sends that waited for a buffer */
	unsigned long tx_dropped; /* sends that gave up (full, suspended) */
	unsigned long tx_inflight;
	unsigned long events;	  /* events from the backend */
	unsigned long notifies;	  /* events we sent it */
	unsigned long rx_posted;  /* RX requests posted in all */
	unsigned long grants;	  /* grants the vif holds: rings, buffers */
	unsigned long reconnects; /* resumes in a new domain */
};
void netdev_get_stats(const struct netdev *nd, struct netdev_stats *out);

#endif
