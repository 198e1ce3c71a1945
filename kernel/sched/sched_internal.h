/*
 * sched_internal.h - between the scheduler's files in kernel/sched/:
 * sched.c (the run queue, switching), thread.c (creating, ending,
 * joining) and sync.c (wait queues, mutexes). Not under include/:
 * applications see thread.h only.
 */
#ifndef SCHED_INTERNAL_H
#define SCHED_INTERNAL_H

#include <pvmini/thread.h>
#include "kernel/sched/freeze.h"

/* wait_queue.c: the FIFO itself, pure (unit-tested). */
void wq_push(struct wait_queue *q, struct thread *t);
struct thread *wq_pop(struct wait_queue *q);
/* Takes t out of the queue it is in, if any. */
void wq_remove(struct thread *t);
static inline bool wq_empty(const struct wait_queue *q)
{
	return !q->head;
}

/* Boot steps (kernel/main.c): the main thread; the one-shot timer. */
void threads_init(void);
void timers_init(void);
/* In a restored domain (docs/suspend.md): VIRQ_TIMER bound again, the
 * periodic tick stopped again, the first deadline programmed; returns
 * the port. */
int timers_resume(void);

/* sched.c */
extern struct thread *current_thread;
void schedule(void);
void thread_block_locked(void);
/* The C library's hook for a freed thread (thread_set_libc_hooks). */
extern void (*libc_reap)(struct thread *t);

/* thread.c: every thread from its creation until it is freed, through
 * all_next, newest first: what a debugger lists (kernel/debug/). Changed
 * with events masked, so a trap or an upcall sees it whole. */
extern struct thread *all_threads;

/* thread.c: the detached threads that have ended, and what frees them;
 * each thread calls reap_detached as it gets the CPU, off their stacks,
 * events masked. Inline: it is on every switch, and usually empty. */
extern struct wait_queue detached_ended;
void reap_detached_now(void);
static inline void reap_detached(void)
{
	if (!wq_empty(&detached_ended))
		reap_detached_now();
}

#endif
