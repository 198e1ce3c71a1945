/*
 * evtchn.c - the event-channel API: binding ports, a handler per port,
 * notify, mask, unmask, close.
 *
 * Xen owns the ports; we keep only what to call when one fires. Masking
 * is the guest's own business: the evtchn_mask bitmap lives in the
 * shared_info page and Xen reads it before raising the upcall. Unmasking
 * is where a guest can lose an event: a port raised while masked stays
 * pending but Xen did not set the selector and upcall-pending bits for
 * it, so the unmasker must do that itself and, if events are enabled,
 * make Xen deliver (the same work EVTCHNOP_unmask does in the
 * hypervisor, without the hypercall).
 */
#include <arch/cpu.h>
#include <pvmini/evtchn.h>
#include <pvmini/hypercall.h>
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include <pvmini/time.h>
#include "kernel/xen/clock.h"
#include "kernel/xen/events.h"

#define BITS_PER_WORD (sizeof(xen_ulong_t) * 8)

struct binding {
	evtchn_handler_t fn;
	void *data;
};

static struct binding bindings[EVTCHN_PORTS];

static bool port_valid(evtchn_port_t port)
{
	return port < EVTCHN_PORTS;
}

static bool port_bound(evtchn_port_t port)
{
	return port_valid(port) && bindings[port].fn;
}

static void set_bit_atomic(volatile xen_ulong_t *word, unsigned int bit)
{
	__atomic_fetch_or(word, 1UL << bit, __ATOMIC_SEQ_CST);
}

static void clear_bit_atomic(volatile xen_ulong_t *word, unsigned int bit)
{
	__atomic_fetch_and(word, ~(1UL << bit), __ATOMIC_SEQ_CST);
}

static int bind(evtchn_port_t port, evtchn_handler_t fn, void *data)
{
	if (!fn)
		return -XEN_EINVAL;
	bindings[port].data = data;
	bindings[port].fn = fn;
	evtchn_unmask(port);
	return port;
}

int evtchn_bind_virq(uint32_t virq, evtchn_handler_t fn, void *data)
{
	struct evtchn_bind_virq op = { .virq = virq, .vcpu = 0 };
	long rc;

	if (!fn)
		return -XEN_EINVAL;
	rc = xen_event_channel_op(EVTCHNOP_bind_virq, &op);
	return rc ? (int)rc : bind(op.port, fn, data);
}

int evtchn_alloc_unbound(domid_t remote, evtchn_handler_t fn, void *data)
{
	struct evtchn_alloc_unbound op = { .dom = DOMID_SELF,
					   .remote_dom = remote };
	long rc;

	if (!fn)
		return -XEN_EINVAL;
	rc = xen_event_channel_op(EVTCHNOP_alloc_unbound, &op);
	return rc ? (int)rc : bind(op.port, fn, data);
}

int evtchn_bind_interdomain(domid_t remote, evtchn_port_t remote_port,
			    evtchn_handler_t fn, void *data)
{
	struct evtchn_bind_interdomain op = { .remote_dom = remote,
					      .remote_port = remote_port };
	long rc;

	if (!fn)
		return -XEN_EINVAL;
	rc = xen_event_channel_op(EVTCHNOP_bind_interdomain, &op);
	return rc ? (int)rc : bind(op.local_port, fn, data);
}

int evtchn_bind_existing(evtchn_port_t port, evtchn_handler_t fn, void *data)
{
	/* No hypercall: the port is connected already, only ours to serve. */
	if (!port_valid(port) || port_bound(port))
		return -XEN_EINVAL;
	return bind(port, fn, data);
}

int evtchn_notify(evtchn_port_t port)
{
	struct evtchn_send op = { .port = port };

	/* Xen checks ports it does not know; ours are checked before. */
	if (!port_valid(port))
		return -XEN_EINVAL;
	return xen_event_channel_op(EVTCHNOP_send, &op);
}

int evtchn_mask(evtchn_port_t port)
{
	if (!port_valid(port))
		return -XEN_EINVAL;
	set_bit_atomic(&shared_info->evtchn_mask[port / BITS_PER_WORD],
		       port % BITS_PER_WORD);
	return 0;
}

/* What Xen does after setting a port's pending bit, if it is unmasked:
 * flag its word in the selector and ask for an upcall. */
static void flag_upcall(unsigned int word)
{
	struct vcpu_info *v = this_vcpu();

	set_bit_atomic(&v->evtchn_pending_sel, word);
	v->evtchn_upcall_pending = 1;
}

int evtchn_unmask(evtchn_port_t port)
{
	unsigned int word = port / BITS_PER_WORD, bit = port % BITS_PER_WORD;
	unsigned long flags;

	if (!port_valid(port))
		return -XEN_EINVAL;
	flags = local_irq_save();
	clear_bit_atomic(&shared_info->evtchn_mask[word], bit);
	/* Raised while masked: redo what Xen skipped, or it is lost. */
	if (shared_info->evtchn_pending[word] & (1UL << bit))
		flag_upcall(word);
	local_irq_restore(flags); /* delivers now if events are enabled */
	return 0;
}

void evtchn_clear(evtchn_port_t port)
{
	if (port_valid(port))
		clear_bit_atomic(
			&shared_info->evtchn_pending[port / BITS_PER_WORD],
			port % BITS_PER_WORD);
}

void evtchn_repost(evtchn_port_t port)
{
	unsigned int word = port / BITS_PER_WORD, bit = port % BITS_PER_WORD;

	if (!port_valid(port))
		return;
	set_bit_atomic(&shared_info->evtchn_pending[word], bit);
	if (!(shared_info->evtchn_mask[word] & (1UL << bit)))
		flag_upcall(word);
}

/*
 * Events stay masked meanwhile: an upcall would take the port's pending
 * bit that SCHEDOP_poll waits on, whereas masked, a notify arriving
 * between the check and the poll keeps the bit set and the poll returns
 * at once. So each wakeup is a notify (or the deadline), never a tick.
 */
bool evtchn_poll_until(evtchn_port_t port, bool (*done)(void *arg), void *arg,
		       uint64_t deadline)
{
	unsigned long flags = local_irq_save();
	bool ok = true, cleared = false;

	while (!done(arg)) {
		struct sched_poll poll = { .nr_ports = 1,
					   .timeout =
						   monotonic_to_xen(deadline) };

		if (monotonic_ns() >= deadline) {
			ok = false;
			break;
		}
		evtchn_clear(port);
		cleared = true;
		if (done(arg))
			break;
		set_xen_guest_handle(poll.ports, &port);
		xen_sched_op(SCHEDOP_poll, &poll);
	}
	/* What we cleared may have meant more (input, say): the handler
	 * must still see it. */
	if (cleared)
		evtchn_repost(port);
	local_irq_restore(flags);
	return ok;
}

static void forget(evtchn_port_t port)
{
	bindings[port].fn = NULL;
	bindings[port].data = NULL;
	evtchn_clear(port);
}

int evtchn_close(evtchn_port_t port)
{
	struct evtchn_close op = { .port = port };
	long rc;

	if (!port_bound(port))
		return -XEN_EINVAL;
	evtchn_mask(port);
	rc = xen_event_channel_op(EVTCHNOP_close, &op);
	if (rc)
		return rc;
	forget(port);
	return 0;
}

int evtchn_abandon(evtchn_port_t port)
{
	if (!port_bound(port))
		return -XEN_EINVAL;
	/* Masked, no handler: never dispatched again, and Xen never hands
	 * out a port that is still open. */
	evtchn_mask(port);
	forget(port);
	return 0;
}

int evtchn_running_port = -1;

void evtchn_dispatch(evtchn_port_t port)
{
	struct binding *b = &bindings[port];
	int outer = evtchn_running_port;

	if (!b->fn) {
		/* Nobody listens: mask it so it cannot storm us. */
		event_stats.unhandled++;
		evtchn_mask(port);
		return;
	}
	event_stats.dispatched++;
	evtchn_running_port = (int)port;
	b->fn(port, b->data);
	evtchn_running_port = outer;
}

/*
 * A restored domain has none of the old domain's event channels: Xen
 * opened the store and console ports anew (start_info names them) and
 * every other port number means nothing, or another channel. Forget
 * every binding and mask every port; each owner binds its own again
 * (docs/suspend.md). Pending bits stay: an event the new store or
 * console port got before its owner bound it is delivered at the bind.
 */
void evtchn_reset(void)
{
	memset(bindings, 0, sizeof(bindings));
	for (unsigned int i = 0; i < ARRAY_SIZE(shared_info->evtchn_mask); i++)
		shared_info->evtchn_mask[i] = ~(xen_ulong_t)0;
}
