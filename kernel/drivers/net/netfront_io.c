/*
 * netfront_io.c - a vif's data path: the event, sending, receiving.
 *
 * The event handler only looks and wakes: it reads the two response
 * producers and wakes the vif's wait queue. Everything else runs in the
 * thread that sends or receives - frames are copied there, buffers
 * given back there, the app's function called there. So no app code
 * and no allocation ever runs with events masked, and a backend that
 * floods events costs wakeups, nothing more.
 *
 * Threads are cooperative: between two blocking points a thread owns
 * the rings, so taking a TX buffer, filling it and posting it needs no
 * lock. netdev_poll takes rx_lock because the function it calls may
 * block.
 *
 * Anything the backend breaks (netfront_ring.c says what counts) stops
 * the vif for good: one message, the port masked, every caller told
 * -XEN_EIO. The rings are never touched again; the pages stay granted
 * until the vif is closed.
 */
#include <pvmini/console.h>
#include <pvmini/time.h>
#include "kernel/drivers/net/netfront_internal.h"

void nf_on_event(evtchn_port_t port __unused, void *data)
{
	struct netdev *nd = data;

	nd->stats.events++;
	if (nd->stopped)
		return;
	if (nf_rx_pending(&nd->rx) || nf_tx_pending(&nd->tx))
		wake_all(&nd->xb.wq);
}

void nf_stop(struct netdev *nd, int err, const char *why)
{
	if (nd->stopped)
		return;
	nd->stopped = err;
	evtchn_mask(nd->port);
	printk("%s: %s; the vif stops\n", nd->xb.label, why);
	wake_all(&nd->xb.wq);
}

static void notify_backend(struct netdev *nd)
{
	nd->stats.notifies++;
	evtchn_notify(nd->port);
}

void nf_rings_start(struct netdev *nd, void *rx_ring, void *tx_ring)
{
	nf_tx_init(&nd->tx, tx_ring, NF_TX_BUFS);
	nf_rx_init(&nd->rx, rx_ring, NF_RX_BUFS, nd->rx_gref);
	/* Not connected yet: the backend looks at req_prod when it maps. */
	nf_rx_refill(&nd->rx);
	nd->stopped = 0;
}

/* A backend that went Closing or Closed has unmapped our rings. */
static int vif_gone(struct netdev *nd)
{
	if (!nd->stopped && nd->xb.be_gone) {
		nd->stopped = -XEN_ENOTCONN;
		printk("%s: backend %s went %s: the vif is down\n",
		       nd->xb.label, nd->xb.backend,
		       xenbus_state_name(nd->xb.gone_state));
		wake_all(&nd->xb.wq);
	}
	return nd->stopped;
}

bool nf_tx_collect(struct netdev *nd)
{
	struct nf_tx_counts c = { 0 };
	char why[128];
	int rc;

	if (vif_gone(nd))
		return false;
	rc = nf_tx_reap(&nd->tx, &c, why, sizeof(why));
	nd->stats.tx_errors += c.error + c.dropped;
	if (rc < 0)
		nf_stop(nd, -XEN_EIO, why);
	return rc >= 0;
}

/* wait_event condition: a TX buffer is free (or will be: a response
 * waits), or there is no point waiting. */
static bool tx_room(struct netdev *nd, struct deadline *dl)
{
	return nd->tx.nfree || nd->stopped || nd->xb.be_gone || nd->suspended ||
	       dl->passed || nf_tx_arm(&nd->tx);
}

int netdev_send(struct netdev *nd, const void *frame, size_t len)
{
	struct deadline dl = { 0 };
	unsigned int off;
	int id;

	if (len < NF_ETH_HLEN || len > nd->mtu + NF_ETH_HLEN)
		return -XEN_EINVAL;
	nf_tx_collect(nd);
	while ((id = nd->stopped || nd->suspended ? -1 : nf_tx_get(&nd->tx)) <
	       0) {
		if (nd->stopped)
			return nd->stopped;
		if (nd->suspended || dl.passed) {
			nd->stats.tx_dropped++;
			deadline_stop(&dl);
			return nd->suspended ? -XEN_EAGAIN : -XEN_ETIMEDOUT;
		}
		if (!dl.wq) {
			nd->stats.tx_waits++;
			deadline_start(&dl, &nd->xb.wq, NSEC_PER_SEC);
		}
		wait_event(nd->xb.wq, tx_room(nd, &dl));
		nf_tx_collect(nd);
	}
	deadline_stop(&dl);
	off = (unsigned int)(id & 1) * NF_TX_BUF_SIZE;
	memcpy((char *)nd->tx_page[id / 2] + off, frame, len);
	nd->stats.tx_frames++;
	nd->stats.tx_bytes += len;
	/* Checksums are complete (lwIP computes them): no NETTXF flags,
	 * dom0 checks them as it would a wire's. */
	if (nf_tx_post(&nd->tx, (unsigned int)id, nd->tx_gref[id / 2], off,
		       (unsigned int)len, 0))
		notify_backend(nd);
	return 0;
}

static unsigned int rx_flags(unsigned int f)
{
	return (f & NETRXF_data_validated ? NETDEV_RX_DATA_VALIDATED : 0) |
	       (f & NETRXF_csum_blank ? NETDEV_RX_CSUM_BLANK : 0);
}

/* Gives the consumed buffers back in batches: one event per batch. */
static void refill(struct netdev *nd)
{
	if (nf_rx_refill(&nd->rx))
		notify_backend(nd);
}

int netdev_poll(struct netdev *nd, netdev_rx_fn fn, void *arg, unsigned int max)
{
	struct nf_rx_pkt p;
	char why[128];
	int n = 0, rc = 0;

	mutex_lock(&nd->rx_lock);
	while (!vif_gone(nd) && (unsigned int)n < max) {
		rc = nf_rx_take(&nd->rx, &p, why, sizeof(why));
		if (rc <= 0)
			break;
		n++;
		if (p.status < 0 || p.len == 0) {
			nd->stats.rx_errors++;
		} else if (p.len < NF_ETH_HLEN) {
			nd->stats.rx_runts++;
		} else {
			nd->stats.rx_frames++;
			nd->stats.rx_bytes += p.len;
			fn(arg, (char *)nd->rx_page[p.id] + p.offset, p.len,
			   rx_flags(p.flags));
		}
		if (nd->rx.nfree >= NF_RX_BUFS / 4 && !nd->stopped)
			refill(nd);
	}
	if (rc < 0)
		nf_stop(nd, -XEN_EIO, why);
	else if (!nd->stopped)
		refill(nd);
	rc = nd->stopped;
	mutex_unlock(&nd->rx_lock);
	return n ? n : rc;
}

int netdev_wait(struct netdev *nd, uint64_t deadline)
{
	struct deadline dl = { 0 };
	uint64_t now = monotonic_ns();

	if (deadline && deadline > now)
		deadline_start(&dl, &nd->xb.wq, deadline - now);
	else if (deadline)
		dl.passed = true;
	wait_event(nd->xb.wq, nd->stopped || nd->xb.be_gone || dl.passed ||
				      nf_rx_arm(&nd->rx));
	deadline_stop(&dl);
	if (vif_gone(nd))
		return nd->stopped;
	return nf_rx_pending(&nd->rx) ? 0 : -XEN_ETIMEDOUT;
}

struct copy_out {
	void *buf;
	size_t size;
	long len;
};

static void copy_frame(void *arg, const void *frame, size_t len,
		       unsigned int flags __unused)
{
	struct copy_out *c = arg;

	c->len = (long)len;
	memcpy(c->buf, frame, len < c->size ? len : c->size);
}

long netdev_recv(struct netdev *nd, void *buf, size_t size, uint64_t deadline)
{
	struct copy_out c = { .buf = buf, .size = size, .len = -1 };
	int rc;

	for (;;) {
		rc = netdev_poll(nd, copy_frame, &c, 1);
		if (rc < 0)
			return rc;
		if (rc > 0 && c.len >= 0)
			return c.len < (long)size ? c.len : (long)size;
		if (rc == 0 && (rc = netdev_wait(nd, deadline)))
			return rc;
	}
}
