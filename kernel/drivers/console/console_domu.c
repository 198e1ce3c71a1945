/*
 * console_domu.c - a domU's console: the shared page named in start_info
 * (console.domU.mfn) and its event channel.
 *
 * The page holds two rings (xen/io/console.h). We produce into `out` and
 * advance out_prod; xenconsoled consumes and advances out_cons. Indexes
 * run freely and are masked on use. The release store of out_prod makes
 * the bytes visible before the index that publishes them; after it we
 * notify the event channel so xenconsoled wakes up.
 *
 * Waiting for the backend uses SCHEDOP_poll on our console port with a
 * deadline (evtchn_poll_until): it sleeps in Xen until xenconsoled
 * notifies us back (it does after consuming), in any context, events
 * enabled or not. Every wait is bounded: a dead backend costs at most a
 * second, never a hang. Input wakes readers through the same port
 * (console_input.c). The ring arithmetic is console_ring.c, pure.
 *
 * printk is allowed in event handlers, and a handler can interrupt a
 * thread anywhere, so each write runs with events masked: a handler
 * printing between our read of out_prod and our store of it would be
 * overwritten, and out_prod would move backwards past out_cons, a
 * broken ring for good. Masking a whole piece (up to ATOMIC_BYTES: one
 * printk) also keeps a handler's line out of the middle of ours. The
 * waits work masked (SCHEDOP_poll); events raised meanwhile stay
 * pending, and run when the piece is done.
 */
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/hypercall.h>
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include <pvmini/time.h>
#include "kernel/drivers/console/console.h"
#include "kernel/drivers/console/console_ring.h"
#include "mm/mm.h"

#define WAIT_LIMIT_NS 1000000000ULL /* give up on a silent backend */
/* Written whole, handlers held off: printk's buffer, and no longer, so
 * that a long write() does not hold events back for all of its time. */
#define ATOMIC_BYTES 1024

static struct xencons_interface *ring;
static evtchn_port_t port;
static unsigned long dropped; /* bytes lost to a backend that stopped */
static bool stalled;	      /* it did: stop waiting for it per byte */
static char description[64];

static void describe(const start_info_t *si)
{
	snprintf(description, sizeof(description),
		 "console ring at mfn %#lx, event channel %u",
		 (unsigned long)si->console.domU.mfn, port);
}

int ring_console_init(const start_info_t *si)
{
	ring = mfn_to_virt(si->console.domU.mfn);
	port = si->console.domU.evtchn;
	if (!ring)
		return -1;
	describe(si);
	return 0;
}

/* A restored domain: the ring is the same page of ours (the same
 * address, indexes and all, for the new xenconsoled to go on from) but
 * its event channel is a new port. */
void ring_console_resume(const start_info_t *si)
{
	port = si->console.domU.evtchn;
	stalled = false;
	describe(si);
}

const char *ring_console_describe(void)
{
	return description;
}

static void notify(void)
{
	struct evtchn_send send = { .port = port };

	xen_event_channel_op(EVTCHNOP_send, &send);
}

/* A broken out_cons (-XEN_EIO) counts as done: nothing will drain. */
static bool used_at_most(void *target)
{
	return cons_ring_out_used(ring) <= *(long *)target;
}

/* Sleeps in Xen until the backend has consumed down to target bytes. */
static bool wait_until_used(long target)
{
	return evtchn_poll_until(port, used_at_most, &target,
				 monotonic_ns() + WAIT_LIMIT_NS);
}

static void put(char c)
{
	long n = cons_ring_write(ring, &c, 1);

	if (n == 0 && !stalled) {
		/* Full: publish what we have and let the backend catch up. */
		notify();
		stalled = !wait_until_used(sizeof(ring->out) / 2);
		n = cons_ring_write(ring, &c, 1);
	}
	if (n <= 0) { /* still full, or a broken index */
		dropped++;
		return;
	}
	stalled = false;
}

void ring_console_write(const char *s, size_t n)
{
	while (n) {
		size_t piece = n < ATOMIC_BYTES ? n : ATOMIC_BYTES;
		unsigned long flags = local_irq_save();

		for (size_t i = 0; i < piece; i++) {
			/* A terminal attached with `xl console` needs CR LF. */
			if (s[i] == '\n')
				put('\r');
			put(s[i]);
		}
		notify();
		local_irq_restore(flags);
		s += piece;
		n -= piece;
	}
}

/*
 * Input: xenconsoled produces keystrokes into `in` and advances in_prod;
 * we copy, then publish in_cons with a release store (the bytes are read
 * before the slot is handed back) and notify, so that a backend waiting
 * for room goes on.
 */
size_t ring_console_read(char *buf, size_t n)
{
	unsigned long flags = local_irq_save(); /* in_cons: as out_prod */
	long got = cons_ring_read(ring, buf, n);

	local_irq_restore(flags);

	if (got < 0) /* a corrupt index: the pending input is dropped */
		return 0;
	if (got)
		notify();
	return (size_t)got;
}

void ring_console_drain(void)
{
	unsigned long flags = local_irq_save();
	unsigned long lost = dropped;

	dropped = 0;
	local_irq_restore(flags);
	if (lost) {
		char msg[64];
		int len = snprintf(msg, sizeof(msg),
				   "console: %lu bytes were lost\n", lost);

		ring_console_write(msg, len);
	}
	notify();
	wait_until_used(0);
}
