/*
 * eventbench - what events, thread switches and idling cost, in guest
 * nanoseconds (the pvclock), under whatever runs the guest. Absolute
 * figures under QEMU TCG are slow; the ratios to a null hypercall carry
 * over better. Run by bench/events.sh.
 */
#include <pvmini.h>
#include <pvmini/evtchn.h>
#include <pvmini/thread.h>
#include <pvmini/timer.h>

#define NOTIFIES 20000
#define SWITCHES 20000

static volatile unsigned long delivered;

static void on_event(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	delivered++;
}

static uint64_t per_op(uint64_t t0, unsigned long n)
{
	return (monotonic_ns() - t0) / n;
}

static uint64_t null_hypercall(void)
{
	uint64_t t0 = monotonic_ns();

	for (int i = 0; i < NOTIFIES; i++)
		xen_version(XENVER_version, NULL);
	return per_op(t0, NOTIFIES);
}

/*
 * A loopback pair: an unbound port drops what is sent to it, so the
 * event goes out of one end of an interdomain channel to ourselves and
 * comes in at the other.
 */
static uint64_t notify_round_trip(void)
{
	int a = evtchn_alloc_unbound(DOMID_SELF, on_event, NULL);
	int b = a < 0 ? a
		      : evtchn_bind_interdomain(DOMID_SELF, a, on_event, NULL);
	uint64_t t0, ns;

	if (b < 0) {
		printk("eventbench: loopback channel: %d\n", b);
		return 0;
	}
	delivered = 0;
	t0 = monotonic_ns();
	for (int i = 0; i < NOTIFIES; i++)
		evtchn_notify(b);
	ns = per_op(t0, NOTIFIES);
	if (delivered != NOTIFIES)
		printk("eventbench: %lu of %d delivered\n", delivered,
		       NOTIFIES);
	evtchn_close(b);
	evtchn_close(a);
	return ns;
}

static void yielder(void *arg)
{
	for (int i = 0; i < SWITCHES / 2; i++)
		thread_yield();
	(void)arg;
}

/* Two threads yielding to each other: one switch per yield. */
static uint64_t switch_cost(unsigned int flags)
{
	struct thread *a = thread_create_flags("a", yielder, NULL, flags);
	struct thread *b = thread_create_flags("b", yielder, NULL, flags);
	unsigned long before = sched_stats.switches;
	uint64_t t0 = monotonic_ns();

	thread_join(a);
	thread_join(b);
	return (monotonic_ns() - t0) / (sched_stats.switches - before);
}

int main(void)
{
	uint64_t hc = null_hypercall();
	uint64_t rt = notify_round_trip();
	uint64_t sw_fpu = switch_cost(0), sw = switch_cost(THREAD_NO_FPU);
	struct sched_stats s0;
	unsigned long virqs, upcalls;

	printk("eventbench: null hypercall (xen_version): %lu ns\n", hc);
	printk("eventbench: self-notify round trip (send + upcall + "
	       "handler + iret): %lu ns = %lu.%02lu null hypercalls\n",
	       rt, rt / hc, rt * 100 / hc % 100);
	printk("eventbench: thread switch, FPU/SSE saved: %lu ns = "
	       "%lu.%02lu null hypercalls\n",
	       sw_fpu, sw_fpu / hc, sw_fpu * 100 / hc % 100);
	printk("eventbench: thread switch, general registers only: %lu ns = "
	       "%lu.%02lu null hypercalls\n",
	       sw, sw / hc, sw * 100 / hc % 100);

	/* xenconsoled notifies once it has taken these lines: let that
	 * come and go first, or the sleep counts it as a wakeup. */
	console_drain();
	thread_yield();
	s0 = sched_stats;
	virqs = timer_stats.virqs;
	upcalls = event_stats.upcalls;
	thread_sleep_ns(5 * NSEC_PER_SEC);
	printk("eventbench: 5 s sleep: %lu idle blocks, %lu woke without "
	       "work (goal 0), %lu timer VIRQs, %lu upcalls\n",
	       sched_stats.idle_blocks - s0.idle_blocks,
	       sched_stats.idle_no_work - s0.idle_no_work,
	       timer_stats.virqs - virqs, event_stats.upcalls - upcalls);
	return 0;
}
