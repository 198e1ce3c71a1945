/*
 * sched.c - choosing the next thread and switching to it.
 *
 * Cooperative and single-vCPU: a thread runs until it yields, blocks or
 * exits. Event handlers run in whatever thread was interrupted; they may
 * only make threads runnable (thread_wake). The run queue is shared with
 * them, so it is changed with events masked, and schedule() itself runs
 * masked: each thread's own local_irq_restore after the switch puts back
 * the state it had. A handler that would switch threads is refused: the
 * upcall it runs in would be left half done, and with it every later
 * event.
 *
 * With nothing to run, the idle wait blocks the vCPU in Xen until an
 * event arrives (idle_wait below).
 */
#include <pvmini/hypercall.h>
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/timer.h>
#include "arch/x86/fpu.h"
#include "arch/x86/switch.h"
#include "kernel/xen/events.h"
#include "sched_internal.h"

struct thread *current_thread;
struct sched_stats sched_stats;
static struct wait_queue run_queue;
static void (*libc_switch)(struct thread *next);
void (*libc_reap)(struct thread *t);

void thread_set_libc_hooks(void (*on_switch)(struct thread *next),
			   void (*on_reap)(struct thread *t))
{
	libc_switch = on_switch;
	libc_reap = on_reap;
}

static void switch_to(struct thread *prev, struct thread *next)
{
	/* Only threads that may use x87/SSE pay for fxsave/fxrstor. */
	if (!(prev->flags & THREAD_NO_FPU))
		fpu_save(prev->fpu);
	if (!(next->flags & THREAD_NO_FPU))
		fpu_restore(next->fpu);
	/* A libc keeps errno, stdio and strtok state per thread. */
	if (libc_switch)
		libc_switch(next);
	sched_stats.switches++;
	current_thread = next;
	switch_stacks(&prev->sp, next->sp);
	/* Back on our own stack: whoever just ended is off theirs. */
	reap_detached();
}

/*
 * What the vCPU does when no thread can run: block in Xen. The Xen rule:
 * SCHEDOP_block called with events masked re-enables delivery and checks
 * for pending events atomically before it blocks. So the scheduler
 * checks its run queue with events masked and then blocks: an event that
 * arrives after the check still ends the block, and none is lost. Xen
 * returns with events enabled, after the upcall has run the handlers; we
 * mask again for the scheduler's next look. The loop never spins: one
 * block per wakeup.
 */
static void idle_wait(void)
{
	sched_stats.idle_blocks++;
	xen_sched_op(SCHEDOP_block, NULL);
	local_irq_disable();
	if (wq_empty(&run_queue))
		sched_stats.idle_no_work++;
}

/* App threads held across a suspend (freeze.h): runnable, but queued
 * apart until sched_release_apps. */
static bool holding;
static struct wait_queue held_queue;

static bool held(const struct thread *t)
{
	return holding && !(t->flags & THREAD_KERNEL) && !t->mutexes;
}

void sched_hold_apps(void)
{
	holding = true;
}

void sched_release_apps(void)
{
	unsigned long flags = local_irq_save();
	struct thread *t;

	holding = false;
	while ((t = wq_pop(&held_queue)))
		wq_push(&run_queue, t);
	local_irq_restore(flags);
}

/* Runs the next runnable thread; events masked. The caller has queued
 * itself if it is still runnable. */
void schedule(void)
{
	struct thread *prev = current_thread, *next;
	int port = evtchn_handler_port();

	if (port >= 0)
		panic("thread '%s' would yield, sleep or wait from an event "
		      "handler (port %d): handlers and timer callbacks must "
		      "not block",
		      prev->name, port);
	for (;;) {
		while (!(next = wq_pop(&run_queue)))
			idle_wait();
		if (!held(next))
			break;
		wq_push(&held_queue, next);
	}
	if (next != prev)
		switch_to(prev, next);
}

void thread_wake(struct thread *t)
{
	unsigned long flags = local_irq_save();

	if (t->state == THREAD_BLOCKED) {
		/* Out of its wait queue first: the queue links are the run
		 * queue's now. Its wait_event checks again. */
		wq_remove(t);
		t->state = THREAD_RUNNABLE;
		wq_push(&run_queue, t);
	}
	local_irq_restore(flags);
}

/* Events masked: whoever wakes us must already know where we wait. */
void thread_block_locked(void)
{
	current_thread->state = THREAD_BLOCKED;
	schedule();
}

void thread_yield(void)
{
	unsigned long flags = local_irq_save();

	wq_push(&run_queue, current_thread);
	schedule();
	local_irq_restore(flags);
}

static void wake_sleeper(struct timer *t)
{
	thread_wake(t->data);
}

void thread_sleep_until(uint64_t deadline_ns)
{
	struct timer t = { .armed = false };
	unsigned long flags = local_irq_save();

	if (deadline_ns > monotonic_ns()) {
		timer_arm(&t, deadline_ns, wake_sleeper, current_thread);
		while (t.armed)
			thread_block_locked();
	}
	local_irq_restore(flags);
}

void thread_sleep_ns(uint64_t ns)
{
	thread_sleep_until(monotonic_ns() + ns);
}
