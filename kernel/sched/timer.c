/*
 * timer.c - software timers on Xen's one-shot vCPU timer and VIRQ_TIMER.
 *
 * A PV vCPU has two timers in Xen: a periodic one, which Xen starts at
 * 100 Hz for every new PV vCPU, and a one-shot one. We stop the periodic
 * timer (it would wake an idle guest a hundred times a second for
 * nothing) and keep the one-shot timer set to the earliest software
 * deadline. A deadline already in the past fires at once, because we do
 * not pass VCPU_SSHOTTMR_future. A timer never fires before
 * monotonic_ns() reaches its deadline, whatever Xen's clock says.
 *
 * The queue is touched from threads and from the upcall, so threads
 * change it with events masked.
 */
#include <pvmini/evtchn.h>
#include <pvmini/hypercall.h>
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include <pvmini/time.h>
#include <pvmini/timer.h>
#include <pvmini/trace.h>
#include "kernel/sched/sched_internal.h"
#include "kernel/sched/timer_queue.h"
#include "kernel/xen/clock.h"

/* Larger gaps are not skew but a stale VIRQ for a timer since removed. */
#define MAX_SKEW_NS (50 * NSEC_PER_MSEC)

struct timer_stats timer_stats;
static struct timer_queue queue;
/* The deadline Xen's one-shot timer is set for (skew aside), 0: none. A
 * cancel leaves it set: its VIRQ then comes for no timer. */
static uint64_t programmed;

/*
 * skew: how far ahead of our pvclock Xen's own clock seemed to be at the
 * last VIRQ. Xen compares the timeout with its NOW(), which near a time
 * recalibration can lead the guest's extrapolated pvclock by a few ms;
 * asking for deadline + skew lets Xen fire when our clock says so,
 * instead of re-firing at once until our clock catches up.
 */
static void program_hardware(uint64_t skew)
{
	struct timer *first = tq_first(&queue);
	struct vcpu_set_singleshot_timer op = { .flags = 0 };
	long rc;

	timer_stats.programmed++;
	if (!first) {
		programmed = 0;
		xen_vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL);
		return;
	}
	programmed = first->deadline;
	op.timeout_abs_ns = monotonic_to_xen(first->deadline + skew);
	rc = xen_vcpu_op(VCPUOP_set_singleshot_timer, 0, &op);
	if (rc)
		panic("VCPUOP_set_singleshot_timer(%lu) failed: %ld",
		      first->deadline, rc);
}

static void run_expired(evtchn_port_t port, void *data)
{
	struct timer *t;
	uint64_t now = monotonic_ns(), skew = 0;

	(void)port;
	(void)data;
	timer_stats.virqs++;
	/*
	 * Early by our clock for the deadline it was set for. A VIRQ that
	 * comes on time for a deadline since cancelled says nothing about
	 * the clocks: taking the gap to the next timer for skew made that
	 * timer late by the gap.
	 */
	if (programmed > now && programmed - now < MAX_SKEW_NS) {
		timer_stats.early_virqs++;
		skew = programmed - now;
	}
	while ((t = tq_first(&queue)) && t->deadline <= monotonic_ns()) {
		tq_remove(&queue, t);
		timer_stats.fired++;
		t->fn(t);
	}
	program_hardware(skew);
}

void timer_arm(struct timer *t, uint64_t deadline, timer_fn_t fn, void *data)
{
	unsigned long flags = local_irq_save();

	tq_remove(&queue, t);
	t->deadline = deadline;
	t->fn = fn;
	t->data = data;
	tq_insert(&queue, t);
	if (tq_first(&queue) == t)
		program_hardware(0);
	local_irq_restore(flags);
}

bool timer_cancel(struct timer *t)
{
	unsigned long flags = local_irq_save();
	bool was_armed = t->armed;

	/* The hardware may still fire for it: it then finds nothing due. */
	tq_remove(&queue, t);
	local_irq_restore(flags);
	return was_armed;
}

/* The vCPU's timers as we want them: VIRQ_TIMER bound, no periodic
 * tick. Returns the port. */
static int start_vcpu_timers(void)
{
	long rc = xen_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL);
	int port;

	if (rc)
		panic("VCPUOP_stop_periodic_timer failed: %ld", rc);
	port = evtchn_bind_virq(VIRQ_TIMER, run_expired, NULL);
	if (port < 0)
		panic("bind VIRQ_TIMER failed: %d", port);
	return port;
}

void timers_init(void)
{
	int port = start_vcpu_timers();

	trace_boot("time: pvclock %lu ns, wall clock %lu s since 1970, "
		   "VIRQ_TIMER on port %d, periodic timer stopped (vcpu_op)",
		   monotonic_ns(), wallclock_ns() / NSEC_PER_SEC, port);
}

/*
 * A restored domain's vCPU is a new one: Xen started its periodic tick
 * again, its one-shot timer is not set and VIRQ_TIMER is bound to no
 * port. The queue itself is ours and came along, deadlines in monotonic
 * time: those that passed while the domain was away fire at once, the
 * others when they are due. Events masked.
 */
int timers_resume(void)
{
	int port = start_vcpu_timers();

	program_hardware(0);
	return port;
}
