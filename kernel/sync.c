/*
 * sync.c - wait queues and the mutex built on them.
 *
 * Sleeping on a wait queue and waking it are both done with events
 * masked, so a handler's wake_one() cannot fall between a waiter's check
 * of its condition and its sleep (see wait_event in thread.h).
 */
#include <pvmini/kernel.h>
#include <pvmini/thread.h>
#include "sched_internal.h"

void wq_wait_locked(struct wait_queue *wq)
{
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
	wake_one(&m->waiters);
	local_irq_restore(flags);
}
