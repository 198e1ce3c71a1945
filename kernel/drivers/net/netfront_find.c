/*
 * netfront_find.c - which vifs the domain has, and noticing when that
 * changes: `xl network-attach` adds device/vif/N (with its backend) while
 * the domain runs, `xl network-detach` makes the backend say Closing and
 * removes it once we closed. One watch on device/vif counts the changes;
 * a thread that wants to follow them waits for the count to move.
 */
#include <pvmini/console.h>
#include <pvmini/time.h>
#include <pvmini/xenstore.h>
#include "kernel/drivers/net/netfront_internal.h"

static struct xs_watch vif_watch;
static bool watching;
static unsigned long changes;
static struct wait_queue changed = WAIT_QUEUE_INIT;

int netdev_list(unsigned int *ids, unsigned int max)
{
	int n = xenbus_list("vif", ids, max);

	/* Smallest first: vif 0 is the cfg's first. */
	for (int i = 1; i < n && i < (int)max; i++)
		for (int j = i; j > 0 && ids[j - 1] > ids[j]; j--) {
			unsigned int t = ids[j];

			ids[j] = ids[j - 1];
			ids[j - 1] = t;
		}
	return n;
}

/* xswatch thread: something below device/vif changed. */
static void on_vif_change(struct xs_watch *w __unused,
			  const char *path __unused)
{
	changes++;
	wake_all(&changed);
}

int netdev_wait_change(unsigned long *gen, uint64_t deadline)
{
	struct deadline dl = { 0 };
	uint64_t now = monotonic_ns();
	int rc;

	if (!xenstore_available())
		return -XEN_ENODEV;
	if (!watching) {
		rc = xs_watch(&vif_watch, "device/vif", on_vif_change, NULL);
		if (rc) {
			printk("vif: cannot watch device/vif: %s\n",
			       xs_error_name(rc));
			return rc;
		}
		watching = true;
	}
	if (deadline && deadline > now)
		deadline_start(&dl, &changed, deadline - now);
	else if (deadline)
		dl.passed = true;
	wait_event(changed, changes != *gen || dl.passed);
	deadline_stop(&dl);
	if (changes == *gen)
		return -XEN_ETIMEDOUT;
	*gen = changes;
	return 0;
}
