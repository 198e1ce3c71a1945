/*
 * nullderef - reads through a NULL pointer: the kernel must report a page
 * fault at address 0 with a symbolized backtrace and crash-stop.
 *
 * `nullderef -- pending`: the fault comes with events enabled and one
 * pending. Xen delivers it with events masked (the trap table asks it
 * to), so the report runs before any event handler, and none runs inside
 * it: the handler's line must never appear.
 */
#include <pvmini.h>
#include <pvmini/evtchn.h>
#include <pvmini/irq.h>

/* volatile: the compiler may not see that it is NULL and fold the load. */
static int *volatile target;

__attribute__((noinline)) static int read_target(void)
{
	return *target;
}

static volatile bool armed;

static void on_event(evtchn_port_t port, void *data)
{
	(void)data;
	/* Not for the event Xen raises on bind: for ours, the one left
	 * pending at the fault. */
	if (armed)
		printk("nullderef: event handler ran (port %u)\n", port);
}

/* A loopback event left pending, then events enabled without the
 * hypercall that would deliver it: the fault is the next entry into the
 * kernel, nothing (no printk) may come in between. */
static void leave_event_pending(void)
{
	int a = evtchn_alloc_unbound(DOMID_SELF, on_event, NULL);
	int b = a < 0 ? a
		      : evtchn_bind_interdomain(DOMID_SELF, a, on_event, NULL);

	if (b < 0)
		printk("nullderef: FAIL loopback: %d\n", b);
	local_irq_disable();
	armed = true;
	evtchn_notify(a);
	this_vcpu()->evtchn_upcall_mask = 0;
	barrier();
}

int main(int argc, char **argv)
{
	bool pending = argc == 2 && !strcmp(argv[1], "pending");

	if (pending)
		printk("nullderef: loopback with an event pending as we fault\n");
	printk("nullderef: reading *%p\n", (void *)target);
	if (pending)
		leave_event_pending();
	return read_target();
}
