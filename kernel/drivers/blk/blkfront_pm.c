/*
 * blkfront_pm.c - a disk across a suspend (xl save, xl restore, xl save
 * -c): its hook in kernel/xenbus/xenbus_pm.h (docs/blk.md).
 *
 * Suspend parks the data path: requests still queue, nothing new goes
 * on the ring, and the hook waits (at most BLK_PARK_NS) for the backend
 * to answer what is in flight, so that usually nothing is.
 *
 * Resume, in the same domain (a checkpoint, a cancelled suspend): the
 * same backend still has the ring; unpark and issue what queued.
 * In a new domain the ring's pages came along with everything in them,
 * but the backend is new - Linux's blkback attaches at the shared
 * rsp_prod, an older one at 0: both read index 0 once the shared
 * indexes are 0 - and the requests that were in flight were never
 * answered: the shared indexes go back to 0 and every request in
 * flight is put on the ring again,
 * from its shadow copy, under a new id (blk_ring_replay); once the
 * device has reconnected they are pushed with the queue behind them. A
 * request that had been carried out already is carried out twice: the
 * same data read, or the same data written, again.
 */
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/trace.h>
#include "kernel/drivers/blk/blkfront.h"

#define BLK_PARK_NS (5 * NSEC_PER_SEC)

static int suspend_disk(void *data)
{
	struct blkdev *d = data;
	struct deadline dl = { 0 };

	d->parked = true;
	deadline_start(&dl, &d->done_wq, BLK_PARK_NS);
	wait_event(d->done_wq,
		   !blk_ring_in_flight(&d->ring) || d->dead || dl.passed);
	deadline_stop(&dl);
	trace_suspend("%s: parked; %u request(s) in flight", d->info.name,
		      blk_ring_in_flight(&d->ring));
	return xenbus_suspend(&d->xb);
}

/*
 * The new domain's connection, through the frontend layer
 * (kernel/xenbus/frontend_pm.c): the same ring pages and refs (the grant
 * layer gave every live grant, the requests' own included, to the
 * pages' new frames), a new event channel, the handshake from InitWait
 * with the new backend. The backend is the same kind on the same host:
 * the ring order and segment counts negotiated at boot still hold.
 */
static int reconnect(struct blkdev *d)
{
	int rc = xenbus_resume(&d->xb, false);

	if (!rc)
		d->port = d->xb.ports[0].port;
	return rc;
}

static void resume_disk(void *data, bool cancelled)
{
	struct blkdev *d = data;
	unsigned int n;
	int rc;

	if (cancelled && !d->dead) {
		xenbus_resume(&d->xb, true);
	} else if (!d->dead) {
		n = blk_ring_replay(&d->ring);
		rc = reconnect(d);
		if (rc) {
			blkfront_fail_all(d, rc, "no connection after resume");
		} else {
			trace_suspend("%s: reconnected; %u request(s) put "
				      "on the ring again",
				      d->info.name, n);
			if (blk_ring_push(&d->ring))
				evtchn_notify(d->port);
		}
	}
	if (!cancelled && d->dead)
		xenbus_forget_ports(&d->xb);
	d->parked = false;
	d->kicked = true; /* the completion thread issues what queued */
	wake_all(&d->xb.wq);
}

void blkfront_pm_register(struct blkdev *d)
{
	d->pm = (struct suspend_hook){ .name = d->info.name,
				       .suspend = suspend_disk,
				       .resume = resume_disk,
				       .data = d };
	xenbus_pm_register(&d->pm);
}

void blkfront_pm_unregister(struct blkdev *d)
{
	xenbus_pm_unregister(&d->pm);
}
