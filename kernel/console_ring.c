/*
 * console_ring.c - a domU's console: the shared page named in start_info
 * (console.domU.mfn) and its event channel.
 *
 * The page holds two rings (xen/io/console.h). We produce into `out` and
 * advance out_prod; xenconsoled consumes and advances out_cons. Indexes
 * run freely and are masked on use. The release store of out_prod makes
 * the bytes visible before the index that publishes them; after it we
 * notify the event channel so xenconsoled wakes up.
 *
 * Waiting for the backend uses SCHEDOP_poll on our console port with a
 * deadline: it sleeps in Xen until xenconsoled notifies us back (it does
 * after consuming), in any context, events enabled or not. Every wait is
 * bounded: a dead backend costs at most a second, never a hang. Input
 * wakes readers through the same port (kernel/console_input.c).
 */
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/hypercall.h>
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include <pvmini/mm.h>
#include <pvmini/time.h>

#define WAIT_LIMIT_NS 1000000000ULL /* give up on a silent backend */

static struct xencons_interface *ring;
static evtchn_port_t port;
static unsigned long dropped; /* bytes lost to a backend that stopped */
static bool stalled;	      /* it did: stop waiting for it per byte */
static char description[64];

int ring_console_init(const start_info_t *si)
{
	ring = mfn_to_virt(si->console.domU.mfn);
	port = si->console.domU.evtchn;
	if (!ring)
		return -1;
	snprintf(description, sizeof(description),
		 "console ring at mfn %#lx, event channel %u",
		 (unsigned long)si->console.domU.mfn, port);
	return 0;
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

static uint32_t used(void)
{
	return ring->out_prod -
	       __atomic_load_n(&ring->out_cons, __ATOMIC_ACQUIRE);
}

/*
 * Sleeps in Xen until the backend has consumed down to `target` bytes,
 * or the limit. Events stay masked meanwhile: an upcall would take the
 * port's pending bit that SCHEDOP_poll waits on, whereas masked, a
 * notify arriving between the check and the poll keeps the bit set and
 * the poll returns at once. So each wakeup is a notify, never a tick.
 */
static bool wait_until_used(uint32_t target)
{
	uint64_t deadline = monotonic_ns() + WAIT_LIMIT_NS;
	unsigned long flags = local_irq_save();
	bool ok = true, cleared = false;

	while (used() > target) {
		struct sched_poll poll = { .nr_ports = 1, .timeout = deadline };

		if (monotonic_ns() >= deadline) {
			ok = false;
			break;
		}
		evtchn_clear(port);
		cleared = true;
		if (used() <= target)
			break;
		set_xen_guest_handle(poll.ports, &port);
		xen_sched_op(SCHEDOP_poll, &poll);
	}
	/* The cleared notify may have been (also) about input: readers
	 * must still be woken. */
	if (cleared && ring->in_prod != ring->in_cons)
		evtchn_repost(port);
	local_irq_restore(flags);
	return ok;
}

static void put(char c)
{
	if (used() == sizeof(ring->out) && !stalled) {
		/* Full: publish what we have and let the backend catch up. */
		notify();
		stalled = !wait_until_used(sizeof(ring->out) / 2);
	}
	if (used() == sizeof(ring->out)) {
		dropped++;
		return;
	}
	stalled = false;
	ring->out[MASK_XENCONS_IDX(ring->out_prod, ring->out)] = c;
	__atomic_store_n(&ring->out_prod, ring->out_prod + 1, __ATOMIC_RELEASE);
}

void ring_console_write(const char *s, size_t n)
{
	for (; n; n--, s++) {
		/* A terminal attached with `xl console` needs CR LF. */
		if (*s == '\n')
			put('\r');
		put(*s);
	}
	notify();
}

/*
 * Input: xenconsoled produces keystrokes into `in` and advances in_prod;
 * we copy, then publish in_cons with a release store (the bytes are read
 * before the slot is handed back) and notify, so that a backend waiting
 * for room goes on.
 */
size_t ring_console_read(char *buf, size_t n)
{
	uint32_t cons = ring->in_cons;
	uint32_t prod = __atomic_load_n(&ring->in_prod, __ATOMIC_ACQUIRE);
	size_t got = 0;

	if (prod - cons > sizeof(ring->in)) /* a corrupt index: drop it all */
		cons = prod;
	while (cons != prod && got < n)
		buf[got++] = ring->in[MASK_XENCONS_IDX(cons++, ring->in)];
	__atomic_store_n(&ring->in_cons, cons, __ATOMIC_RELEASE);
	if (got)
		notify();
	return got;
}

void ring_console_drain(void)
{
	if (dropped) {
		char msg[64];
		int len = snprintf(msg, sizeof(msg),
				   "console: %lu bytes were lost\n", dropped);

		dropped = 0;
		ring_console_write(msg, len);
	}
	notify();
	wait_until_used(0);
}
