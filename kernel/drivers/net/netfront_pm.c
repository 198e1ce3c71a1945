/*
 * netfront_pm.c - a vif across a save and restore, and at shutdown.
 *
 * Suspend (kernel/xenbus/xenbus_pm.h): senders stop taking buffers
 * (netdev_send drops with -XEN_EAGAIN, like a wire that is down for a
 * moment), the frames already on the TX ring get 500 ms to go out, and
 * the vif stops following its backend (xenbus_suspend).
 *
 * Resume, cancelled: the old connection still stands; the same backend
 * is followed again and senders go on.
 * Resume in a new domain, through the frontend layer as every device
 * (kernel/xenbus/frontend_pm.c): the ring pages and the buffer pages
 * came along, and the grant layer gave every ref again to the pages'
 * new frames, so the vif keeps them all; it gets a new event channel
 * and walks the handshake with the new netback. Linux's netback
 * attaches to the rings at the shared rsp_prod, so what was pending
 * goes on: RX buffers still posted stay posted, frames received and not
 * yet consumed are consumed as usual, and TX frames still in flight are
 * sent by the new backend (one the old backend sent just before the
 * domain went is sent twice: a duplicate frame, which TCP ignores).
 * The slots the new backend will read are written again first
 * (nf_rx_resume, nf_tx_resume): the old backend may have left a
 * response there it never published. To the app the vif only blinked.
 *
 * At `xl shutdown` the lifecycle hooks run in a thread before the
 * domain ends; the vif's hook (registered when the first vif opens, so
 * it runs after the app's own hooks, which close connections) gives
 * the frames on the TX ring 500 ms to reach netback: a last FIN or
 * answer is not lost with the domain.
 */
#include <pvmini/console.h>
#include <pvmini/trace.h>
#include <pvmini/xenstore.h>
#include "kernel/drivers/net/netfront_internal.h"

unsigned int nf_tx_drain(struct netdev *nd, uint64_t ns)
{
	struct deadline dl = { 0 };

	nf_tx_collect(nd);
	if (!nf_tx_inflight(&nd->tx) || nd->stopped)
		return nd->stopped ? 0 : nf_tx_inflight(&nd->tx);
	deadline_start(&dl, &nd->xb.wq, ns);
	for (;;) {
		wait_event(nd->xb.wq,
			   nd->stopped || dl.passed || nf_tx_arm(&nd->tx));
		if (!nf_tx_collect(nd) || !nf_tx_inflight(&nd->tx) || dl.passed)
			break;
	}
	deadline_stop(&dl);
	return nd->stopped ? 0 : nf_tx_inflight(&nd->tx);
}

static int on_suspend(void *data)
{
	struct netdev *nd = data;
	unsigned int left;

	nd->suspended = true;
	wake_all(&nd->xb.wq); /* senders waiting for a buffer drop theirs */
	left = nf_tx_drain(nd, 500 * NSEC_PER_MSEC);
	trace_suspend("%s: parked; %u frame(s) still in flight", nd->xb.label,
		      left);
	return xenbus_suspend(&nd->xb);
}

/*
 * The new domain's vif: same rings, refs and buffers, a new port. A vif
 * that stopped (or whose rings make no sense now) connects too, so
 * that its port is the new domain's and its close is a clean one; it
 * stays stopped.
 */
static void reconnect(struct netdev *nd)
{
	char why[160];
	int rx = 0, tx = 0, rc;

	if (!nd->stopped) {
		rx = nf_rx_resume(&nd->rx, why, sizeof(why));
		tx = rx < 0 ? rx : nf_tx_resume(&nd->tx, why, sizeof(why));
	}
	rc = xenbus_resume(&nd->xb, false);
	/* The old port number is someone else's now, or no one's. */
	nd->port = nd->xb.ports[0].port;
	if (nd->stopped)
		return;
	if (tx < 0) {
		nf_stop(nd, tx, why);
		return;
	}
	if (rc) {
		nf_stop(nd, rc, "reconnecting after the restore failed");
		return;
	}
	nd->stats.reconnects++;
	trace_suspend("%s: reconnected; %d RX buffer(s) and %d TX frame(s) "
		      "handed to the new backend",
		      nd->xb.label, rx, tx);
	evtchn_notify(nd->port);
}

static void on_resume(void *data, bool cancelled)
{
	struct netdev *nd = data;

	mutex_lock(&nd->rx_lock);
	if (cancelled) {
		xenbus_resume(&nd->xb, true);
		trace_suspend("%s: running on with the same backend",
			      nd->xb.label);
	} else {
		reconnect(nd);
	}
	nd->suspended = false;
	mutex_unlock(&nd->rx_lock);
	wake_all(&nd->xb.wq);
}

void nf_pm_register(struct netdev *nd)
{
	nd->pm = (struct suspend_hook){ .name = nd->xb.label,
					.suspend = on_suspend,
					.resume = on_resume,
					.data = nd };
	xenbus_pm_register(&nd->pm);
}

void nf_pm_unregister(struct netdev *nd)
{
	xenbus_pm_unregister(&nd->pm);
}

static void on_shutdown(unsigned int reason __unused, void *data __unused)
{
	for (struct netdev *nd = netdevs; nd; nd = nd->next) {
		unsigned int left = nf_tx_drain(nd, 500 * NSEC_PER_MSEC);

		if (left)
			printk("%s: %u frame(s) still in flight at shutdown\n",
			       nd->xb.label, left);
	}
}

static struct shutdown_hook shutdown_hook = { .fn = on_shutdown };
static bool hooked;

void nf_shutdown_hook_once(void)
{
	if (!hooked)
		shutdown_hook_register(&shutdown_hook);
	hooked = true;
}
