/*
 * sched_internal.h - between the scheduler's files: kernel/sched.c (the
 * run queue, switching), kernel/thread.c (creating, ending, joining),
 * kernel/sync.c (wait queues, mutexes) and kernel/idle.c. Not under include/:
 * applications see thread.h only.
 */
#ifndef SCHED_INTERNAL_H
#define SCHED_INTERNAL_H

#include <pvmini/thread.h>

/* kernel/sched.c */
extern struct thread *current_thread;
void schedule(void);
void thread_block_locked(void);
/* The C library's hook for a joined thread (thread_set_libc_hooks). */
extern void (*libc_reap)(struct thread *t);

/* kernel/idle.c: blocks the vCPU until an event, runq still empty. */
void idle_wait(const struct wait_queue *runq);

#endif
