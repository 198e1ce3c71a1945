/*
 * sync.c - wait queues, the mutex built on them, and deadlines for
 * bounded waits.
 *
 * Sleeping on a wait queue and waking it are both done with events
 * masked, so a handler's wake_one() cannot fall between a waiter's check
 * of its condition and its sleep (see wait_event in thread.h).
 */
#include <pvmini/kernel.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include "sched_internal.h"

void wq_wait_locked(struct wait_queue *wq)
{
	if (!irqs_disabled())
		panic("wq_wait_locked: events must be masked "
		      "(local_irq_save, or wait_event): a handler's wake "
		      "could break the queue");
	wq_push(wq, current_thread);
	thread_block_locked();
}

void wake_one(struct wait_queue *wq)
{
	unsigned long flags = local_irq_save();
	struct thread *t = wq_pop(wq);

	if (t)
		thread_wake(t);
	local_irq_restore(flags);
}

void wake_all(struct wait_queue *wq)
{
	unsigned long flags = local_irq_save();
	struct thread *t;

	while ((t = wq_pop(wq)))
		thread_wake(t);
	local_irq_restore(flags);
}

void mutex_lock(struct mutex *m)
{
	unsigned long flags = local_irq_save();

	if (m->owner == current_thread)
		panic("mutex_lock: '%s' already holds %p", m->owner->name, m);
	while (m->owner)
		wq_wait_locked(&m->waiters);
	m->owner = current_thread;
	current_thread->mutexes++;
	local_irq_restore(flags);
}

void mutex_unlock(struct mutex *m)
{
	unsigned long flags = local_irq_save();

	if (m->owner != current_thread)
		panic("mutex_unlock: %p is held by '%s', not by '%s'", m,
		      m->owner ? m->owner->name : "nobody",
		      current_thread->name);
	m->owner = NULL;
	current_thread->mutexes--;
	wake_one(&m->waiters);
	local_irq_restore(flags);
}

static void on_deadline(struct timer *t)
{
	struct deadline *d = t->data;

	d->passed = true;
	wake_all(d->wq);
}

void deadline_start(struct deadline *d, struct wait_queue *wq, uint64_t ns)
{
	d->passed = false;
	d->wq = wq;
	timer_arm(&d->timer, monotonic_ns() + ns, on_deadline, d);
}

void deadline_stop(struct deadline *d)
{
	timer_cancel(&d->timer);
}
