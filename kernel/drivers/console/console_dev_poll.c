/*
 * console_dev_poll.c - a console device with the domain stopped
 * (console_dev_poll.h): the same rings as console_dev_io.c, but every
 * wait sleeps in Xen on the device's port (SCHEDOP_poll through
 * evtchn_poll_until), which needs no thread and works with events
 * masked. The Xen rule that makes it safe: SCHEDOP_poll returns when the
 * port is pending even while delivery is masked, and evtchn_poll_until
 * reposts what it cleared, so the port's handler still sees the event
 * once the domain runs again.
 */
#include <pvmini/evtchn.h>
#include <pvmini/time.h>
#include "console_dev_internal.h"
#include "kernel/drivers/console/console_dev_poll.h"
#include "kernel/drivers/console/console_ring.h"

void console_dev_set_input_hook(struct console_dev *c,
				void (*fn)(struct console_dev *c))
{
	c->input_hook = fn;
}

void console_dev_poll_kick(struct console_dev *c)
{
	c->stats.notifies++;
	evtchn_notify(c->port);
}

static bool input_or_gone(void *arg)
{
	struct console_dev *c = arg;

	return cons_ring_in_avail(c->ring) != 0 || c->xb.be_gone;
}

long console_dev_poll_read(struct console_dev *c, void *buf, size_t n,
			   uint64_t deadline)
{
	long got;

	if (!n)
		return 0;
	evtchn_poll_until(c->port, input_or_gone, c, deadline);
	got = cons_ring_read(c->ring, buf, n);
	if (got > 0) {
		c->stats.bytes_in += (unsigned long)got;
		console_dev_poll_kick(c); /* there is room for more input */
		return got;
	}
	if (got < 0)
		return got;
	return c->xb.be_gone ? -XEN_ENOTCONN : 0;
}

static bool room_or_gone(void *arg)
{
	struct console_dev *c = arg;
	long used = cons_ring_out_used(c->ring);

	return used < 0 || (size_t)used < sizeof(c->ring->out) || c->xb.be_gone;
}

long console_dev_poll_write(struct console_dev *c, const void *buf, size_t n,
			    uint64_t stall_ns)
{
	const char *p = buf;
	size_t done = 0;

	while (done < n && !c->xb.be_gone) {
		long k = cons_ring_write(c->ring, p + done, n - done);

		if (k < 0)
			return done ? (long)done : k;
		if (k > 0) {
			done += (size_t)k;
			c->stats.bytes_out += (unsigned long)k;
			console_dev_poll_kick(c);
			continue;
		}
		if (!evtchn_poll_until(c->port, room_or_gone, c,
				       monotonic_ns() + stall_ns))
			break;
	}
	if (!done && n && c->xb.be_gone)
		return -XEN_ENOTCONN;
	return (long)done;
}

long console_dev_out_pending(struct console_dev *c)
{
	long used = cons_ring_out_used(c->ring);

	return used < 0 ? 0 : used;
}

static bool never(void *arg __unused)
{
	return false;
}

void console_dev_poll_flush(struct console_dev *c)
{
	console_dev_drain(c);
	for (int i = 0; i < 3; i++) {
		/* QEMU took the bytes from the ring; a pty that was full
		 * gets the rest on the next notify. */
		console_dev_poll_kick(c);
		evtchn_poll_until(c->port, never, NULL,
				  monotonic_ns() + 20 * NSEC_PER_MSEC);
	}
}
