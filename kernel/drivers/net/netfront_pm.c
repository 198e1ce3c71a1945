/*
 * netfront_pm.c - a vif across a save and restore, and at shutdown.
 *
 * Suspend (kernel/xenbus/xenbus_pm.h): senders stop taking buffers
 * (netdev_send drops with -XEN_EAGAIN, like a wire that is down for a
 * moment) and the frames already on the TX ring get 500 ms to go out.
 * What is still in flight after that is lost with the old domain;
 * TCP resends it, as it would after a lossy wire.
 *
 * Resume, cancelled: the old connection still stands; senders go on.
 * Resume in a new domain: the rings, grants, event channel and backend
 * of the old one exist no more (xen-facts: the grant table is re-seeded,
 * every port closed). The save path resets the grant table and the
 * event-channel table before the resume hooks run, so the vif forgets
 * its old refs and port without a hypercall (one would hit whatever
 * now has that number), opens the device anew, grants its buffers
 * again, posts every RX buffer and connects. The buffer pages and the
 * vif's handle, mac and counters are kept: to the app the vif only
 * blinked.
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
	trace_suspend("%s: parked; %u frame(s) still in flight are lost",
		      nd->xb.label, left);
	return 0;
}

/* The new domain's vif: same device number, new everything else. */
static void reconnect(struct netdev *nd)
{
	unsigned int id = nd->xb.id;
	int rc;

	xenbus_forget(&nd->xb);
	nf_bufs_forget_grants(nd);
	/* xenbus_open starts the wait queue afresh: whoever sleeps on it
	 * leaves it first (nothing runs in between). */
	wake_all(&nd->xb.wq);
	rc = xenbus_open(&nd->xb, "vif", id);
	if (!rc)
		rc = nf_connect(nd);
	if (rc) {
		nd->stopped = 0; /* say why once, below */
		nf_stop(nd, rc, "reconnecting after the restore failed");
		return;
	}
	nd->stats.reconnects++;
	trace_suspend("%s: reconnected after a restore (%lu so far)",
		      nd->xb.label, nd->stats.reconnects);
}

static void on_resume(void *data, bool cancelled)
{
	struct netdev *nd = data;

	mutex_lock(&nd->rx_lock);
	if (!cancelled)
		reconnect(nd);
	else
		trace_suspend("%s: running on with the same backend",
			      nd->xb.label);
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
