/*
 * frontend_pm.c - a frontend across xl save and xl restore
 * (docs/suspend.md, docs/xenbus.md).
 *
 * The restore makes a new domain. Its backends are new too (for a
 * console device, a new QEMU), with new directories under the new
 * domid, waiting in InitWait for a frontend as at boot; our own
 * directory is new, Initialising. What we had stays ours: the ring
 * pages (saved with the domain, indexes and unread bytes included) and
 * their refs, which the grant layer gave again to the pages' new
 * frames. What does not survive is every event channel - the new
 * domain has only the store's and the console's - and the old
 * backend's paths. So a device reconnects with the same rings and
 * refs and new ports, and the new backend goes on from the indexes it
 * finds: nothing written before the save is lost, nothing doubled.
 */
#include <pvmini/console.h>
#include <pvmini/trace.h>
#include "kernel/xenbus/frontend_internal.h"

/* Opening waits while the devices are suspended: a device opened
 * half-way through would miss its resume. */
static bool devices_suspended;
static struct wait_queue pm_wq = WAIT_QUEUE_INIT;

void xenbus_pm_wait(void)
{
	wait_event(pm_wq, !devices_suspended);
}

int xenbus_suspend_devices(const char **refused)
{
	int rc;

	devices_suspended = true;
	rc = xenbus_suspend_all(refused);
	if (rc) {
		devices_suspended = false;
		wake_all(&pm_wq);
	}
	return rc;
}

void xenbus_resume_devices(bool cancelled)
{
	xenbus_resume_all(cancelled);
	devices_suspended = false;
	wake_all(&pm_wq);
}

int xenbus_suspend(struct xenbus_dev *d)
{
	xenbus_unwatch_backend(d);
	trace_suspend("%s: no longer following backend %s", d->label,
		      d->backend);
	return 0;
}

void xenbus_forget_ports(struct xenbus_dev *d)
{
	/* The old numbers mean nothing now - or another channel, which a
	 * later release must not close: none is valid until allocated. */
	for (unsigned int i = 0; i < d->nr_ports; i++)
		d->ports[i].port = (evtchn_port_t)-1;
}

/* The new domain's event channels for the backend, same handlers. */
static int new_ports(struct xenbus_dev *d)
{
	xenbus_forget_ports(d);
	for (unsigned int i = 0; i < d->nr_ports; i++) {
		struct xenbus_port *p = &d->ports[i];
		int rc = evtchn_alloc_unbound(d->backend_id, p->fn, p->data);

		if (rc < 0) {
			printk("%s: event channel for %s: %s\n", d->label,
			       p->key, xs_error_name(rc));
			return rc;
		}
		p->port = (evtchn_port_t)rc;
	}
	return 0;
}

int xenbus_resume(struct xenbus_dev *d, bool cancelled)
{
	int rc;

	if (cancelled) { /* the same domain: the same backend */
		rc = xenbus_watch_backend(d);
		trace_suspend("%s: following backend %s again", d->label,
			      d->backend);
		return rc;
	}
	d->be_gone = false;
	d->be_state = XenbusStateUnknown;
	rc = xenbus_read_backend(d);
	if (!rc)
		rc = xenbus_check_fe_state(d);
	if (!rc)
		rc = new_ports(d);
	if (!rc)
		rc = xenbus_watch_backend(d);
	trace_suspend("%s: new backend %s (dom%u); same rings and refs, "
		      "new event channel(s)",
		      d->label, d->backend, d->backend_id);
	if (!rc)
		rc = xenbus_connect(d, d->keys, d->nr_keys);
	if (rc) {
		printk("%s: no connection in the new domain: %s\n", d->label,
		       xs_error_name(rc));
		d->be_gone = true;
		d->gone_state = XenbusStateClosed;
		wake_all(&d->wq);
	}
	return rc;
}
