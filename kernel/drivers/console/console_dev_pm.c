/*
 * console_dev_pm.c - a console device across xl save and xl restore
 * (docs/suspend.md): its suspend hook (kernel/xenbus/xenbus_pm.h).
 *
 * Suspend parks the data path - readers and writers wait, nothing
 * notifies - gives the backend a moment to take what is in the output
 * ring, and stops following it. Whatever the backend has not taken
 * stays in the ring page, which is ours and goes along: the new
 * backend of a restored domain starts from the indexes it finds, so
 * bytes are neither lost nor sent twice. Resume reconnects through the
 * frontend layer (same ring and ref, a new port), or after a
 * checkpoint just follows the same backend again.
 */
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/trace.h>
#include "console_dev_internal.h"
#include "kernel/drivers/console/console_ring.h"

#define DRAIN_NS NSEC_PER_SEC

static int suspend_dev(void *data)
{
	struct console_dev *c = data;
	struct deadline d = { 0 };
	long left;

	c->suspended = true;
	timer_cancel(&c->kick);
	wake_all(&c->xb.wq); /* readers and writers: park */
	if (!c->xb.be_gone) {
		evtchn_notify(c->port);
		deadline_start(&d, &c->xb.wq, DRAIN_NS);
		wait_event(c->xb.wq, c->xb.be_gone ||
					     cons_ring_out_used(c->ring) <= 0 ||
					     d.passed);
		deadline_stop(&d);
	}
	left = cons_ring_out_used(c->ring);
	trace_suspend("console %u: parked; %ld byte(s) of output left in the "
		      "ring",
		      c->xb.id, left > 0 ? left : 0);
	return xenbus_suspend(&c->xb);
}

static void resume_dev(void *data, bool cancelled)
{
	struct console_dev *c = data;
	int rc = xenbus_resume(&c->xb, cancelled);

	if (!rc)
		c->port = c->xb.ports[0].port;
	c->suspended = false;
	c->resumes++;
	/* Output may wait in the ring, and a pty backend needs kicks. */
	if (!rc && !c->xb.be_gone)
		console_dev_kick(c);
	wake_all(&c->xb.wq);
}

void console_dev_pm_register(struct console_dev *c)
{
	c->pm = (struct suspend_hook){ .name = c->xb.label,
				       .suspend = suspend_dev,
				       .resume = resume_dev,
				       .data = c };
	xenbus_pm_register(&c->pm);
}

void console_dev_pm_unregister(struct console_dev *c)
{
	xenbus_pm_unregister(&c->pm);
}
