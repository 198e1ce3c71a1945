/*
 * freeze.h - kernel threads, and app threads held across a suspend
 * (kernel/sched/sched.c, docs/suspend.md).
 *
 * From the moment the app hooks agreed to a suspend until they have
 * been told it is over, an app's threads must not run: the devices they
 * use are parked or not yet reconnected, and an app that was told "we
 * are going" must not act as if nothing happened before it hears "we are
 * back". The kernel's own threads (xenstore's watcher, a disk's
 * completions, the suspend sequence itself) must run meanwhile, so they
 * are marked. A thread holding a mutex is never held: a kernel thread
 * may wait for that mutex, and holding its owner would deadlock.
 */
#ifndef KERNEL_SCHED_FREEZE_H
#define KERNEL_SCHED_FREEZE_H

#include <pvmini/thread.h>

/* A kernel thread (a thread_create_flags flag): never held. */
#define THREAD_KERNEL (1U << 8)

/* thread_create for the kernel's own threads, never held. */
struct thread *kthread_create(const char *name, void (*fn)(void *), void *arg);
/* Holds every app thread that holds no mutex from its next turn on. */
void sched_hold_apps(void);
/* Lets the held threads run again, in the order they were held. */
void sched_release_apps(void);

#endif
