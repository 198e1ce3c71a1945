/*
 * console_dev_io.c - moving bytes through a connected console device
 * (kernel/drivers/console/console_dev.c connects it over the xenbus
 * frontend layer). The rings are the console page's
 * (kernel/drivers/console/console_ring.c); a notify after every move
 * tells the backend there is output to take, or room for more input.
 *
 * Threads wait on the device's queue, which the event channel's handler
 * wakes (the backend notifies after producing input and after consuming
 * output) and so do the backend's state watch and deadlines. Nothing
 * polls. The shutdown path cannot rely on threads: draining sleeps in
 * Xen on the port instead (evtchn_poll_until), in any context.
 */
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/time.h>
#include "console_dev_internal.h"
#include "kernel/drivers/console/console_ring.h"

#define STALL_NS (5 * NSEC_PER_SEC) /* a write gives up after this */
#define DRAIN_NS NSEC_PER_SEC

/* A backend that breaks the indexes is reported once, then avoided. */
static long check(struct console_dev *c, long rc)
{
	if (rc == -XEN_EIO && !c->broken) {
		c->broken = true;
		printk("console %u: the backend broke the ring's indexes; "
		       "input was dropped\n",
		       c->xb.id);
	}
	return rc;
}

/*
 * Kicks: a backend may take our output out of the ring into a buffer of
 * its own and then hold it there. Debian 12's QEMU (7.2) writes to a
 * pty only what the pty takes at that moment, and retries only when we
 * notify again - so a burst's tail would sit in QEMU until the guest
 * next writes. After each write, the device therefore notifies a few
 * more times, 20 ms later and then at doubling intervals (at most 1 s
 * apart), for 30 s after the last write; an idle channel costs nothing.
 */
#define KICK_FIRST_NS (20 * NSEC_PER_MSEC)
#define KICK_MAX_NS NSEC_PER_SEC
#define KICK_FOR_NS (30 * NSEC_PER_SEC)

static void on_kick(struct timer *t)
{
	struct console_dev *c = t->data;
	uint64_t now = monotonic_ns();

	c->stats.kicks++;
	evtchn_notify(c->port);
	if (now - c->last_write_ns >= KICK_FOR_NS)
		return;
	c->kick_ns =
		c->kick_ns * 2 > KICK_MAX_NS ? KICK_MAX_NS : c->kick_ns * 2;
	timer_arm(&c->kick, now + c->kick_ns, on_kick, c);
}

static void kick_later(struct console_dev *c)
{
	c->last_write_ns = monotonic_ns();
	c->kick_ns = KICK_FIRST_NS;
	timer_arm(&c->kick, c->last_write_ns + c->kick_ns, on_kick, c);
}

void console_dev_kick(struct console_dev *c)
{
	evtchn_notify(c->port);
	kick_later(c);
}

long console_dev_write(struct console_dev *c, const void *buf, size_t n)
{
	struct deadline d = { 0 };
	const char *p = buf;
	size_t done = 0;
	long k = 0;

	mutex_lock(&c->wlock);
	while (done < n) {
		unsigned long resumes = c->resumes;

		/* Suspended: wait, and never touch the port meanwhile. */
		deadline_start(&d, &c->xb.wq, STALL_NS);
		wait_event(c->xb.wq,
			   !c->suspended &&
				   ((k = cons_ring_write(c->ring, p + done,
							 n - done)) != 0 ||
				    c->xb.be_gone || c->closing || d.passed));
		deadline_stop(&d);
		/* A suspend ate the backend's time: it gets it again. */
		if (!k && d.passed && c->resumes != resumes)
			continue;
		if (k <= 0)
			break;
		done += (size_t)k;
		c->stats.bytes_out += (unsigned long)k;
		c->stats.notifies++;
		evtchn_notify(c->port);
	}
	if (done)
		kick_later(c);
	mutex_unlock(&c->wlock);
	if (done || !n)
		return (long)done;
	if (k < 0)
		return check(c, k);
	return c->xb.be_gone || c->closing ? -XEN_ENOTCONN : -XEN_ETIMEDOUT;
}

static long after_read(struct console_dev *c, long got)
{
	if (got > 0) {
		c->stats.bytes_in += (unsigned long)got;
		c->stats.notifies++;
		evtchn_notify(c->port); /* there is room for more input */
	}
	return check(c, got);
}

long console_dev_read(struct console_dev *c, void *buf, size_t n)
{
	long got = 0;

	if (!n)
		return 0;
	mutex_lock(&c->rlock);
	/* Input already there is read even after the backend left. */
	wait_event(c->xb.wq,
		   !c->suspended &&
			   ((got = cons_ring_read(c->ring, buf, n)) != 0 ||
			    c->xb.be_gone || c->closing));
	mutex_unlock(&c->rlock);
	return after_read(c, got);
}

long console_dev_read_nowait(struct console_dev *c, void *buf, size_t n)
{
	if (c->suspended)
		return 0;
	return after_read(c, cons_ring_read(c->ring, buf, n));
}

static bool out_empty(void *arg)
{
	struct console_dev *c = arg;

	return c->xb.be_gone || cons_ring_out_used(c->ring) <= 0;
}

void console_dev_drain(struct console_dev *c)
{
	if (c->suspended)
		return;
	evtchn_notify(c->port);
	evtchn_poll_until(c->port, out_empty, c, monotonic_ns() + DRAIN_NS);
}

void console_dev_drain_all(void)
{
	for (struct console_dev *c = console_devs; c; c = c->next)
		console_dev_drain(c);
}
