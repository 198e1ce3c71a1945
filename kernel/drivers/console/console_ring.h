/*
 * cons_ring.h - the console rings of xen/io/console.h, as a frontend
 * sees them: we produce into `out` (the backend consumes), the backend
 * produces into `in` (we consume). Indexes run freely and are masked on
 * use; a producer publishes bytes by a release store of its index after
 * writing them.
 *
 * The page is shared with the backend, which can write any index at any
 * time. Every function checks that prod - cons stays within the ring;
 * a broken index is -XEN_EIO, never a copy past the ring.
 *
 * Pure (kernel/drivers/console/console_ring.c): no hypercall, no notify - the
 * caller sends the event after a call that moved data. Unit-tested on the host.
 *
 * One producer at a time: a write reads out_prod, copies, then stores
 * it, so a second write in between (an event handler's printk) would be
 * overwritten and out_prod moved backwards. Callers that can be
 * interrupted by a writer mask events around the call (console_domu.c).
 */
#ifndef PVMINI_CONS_RING_H
#define PVMINI_CONS_RING_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

/* Bytes in `out` the backend has not consumed yet, or -XEN_EIO. */
long cons_ring_out_used(const struct xencons_interface *r);
/* Copies as much of buf as fits into `out`; returns how much, or
 * -XEN_EIO (nothing is written then). */
long cons_ring_write(struct xencons_interface *r, const void *buf, size_t n);
/* Bytes waiting in `in`, or -XEN_EIO. */
long cons_ring_in_avail(const struct xencons_interface *r);
/* Copies up to n bytes out of `in` and hands their slots back; returns
 * how many. On a broken index the pending input is dropped (in_cons is
 * set to in_prod, so the ring works again) and -XEN_EIO returned. */
long cons_ring_read(struct xencons_interface *r, void *buf, size_t n);

#endif
