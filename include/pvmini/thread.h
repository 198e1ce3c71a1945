/*
 * thread.h - cooperative threads: each has its own stack with an unmapped
 * guard page below it, and runs until it blocks, yields, sleeps or exits.
 * There is no preemption: an event handler may wake a thread but never
 * switches to it; the switch happens at the next scheduling point.
 *
 * The thread running main() is the "main" thread, on the boot stack.
 */
#ifndef PVMINI_THREAD_H
#define PVMINI_THREAD_H

#include <pvmini/irq.h>
#include <pvmini/lib.h>
#include <pvmini/timer.h>

struct thread;

/* FIFO of threads (kernel/sched/wait_queue.c, pure). */
struct wait_queue {
	struct thread *head, *tail;
};
#define WAIT_QUEUE_INIT                                                        \
	{                                                                      \
		NULL, NULL                                                     \
	}

enum thread_state { THREAD_RUNNABLE, THREAD_BLOCKED, THREAD_EXITED };

/* The thread runs general-register code only: skip its FPU/SSE state. */
#define THREAD_NO_FPU (1U << 0)
/* Bits 8 and up are the kernel's own (kernel/sched/freeze.h). */

#define FPU_STATE_SIZE 1024 /* xsave: x87, SSE, AVX (832), or fxsave (512) */

struct thread {
	uint64_t sp; /* saved by switch_stacks (arch/x86/switch.S) */
	const char *name;
	enum thread_state state;
	unsigned int flags;
	unsigned int mutexes; /* held now (kernel/sched/freeze.h) */
	/* In at most one queue: the run queue or one wait queue. */
	struct thread *queue_next, *queue_prev;
	struct wait_queue *queue; /* the one it is in, or NULL */
	struct thread *joiner;	  /* the thread in thread_join(this) */
	unsigned int id; /* 1 for main, then counting up, never reused */
	struct thread *all_next; /* every thread that exists (a debugger's) */
	bool detached;		 /* freed when it ends, never joined */
	void (*fn)(void *arg);
	void *arg;
	uintptr_t stack_lo, stack_hi;
	void *stack_slot; /* from thread_stack_alloc, NULL for main */
	/* A C library's per-thread state (newlib's struct _reent), swapped
	 * by the hooks below; the kernel never looks inside. */
	void *libc_state;
	/* xsave needs 64-byte alignment (fxsave 16). */
	uint8_t fpu[FPU_STATE_SIZE] __attribute__((aligned(64)));
};

/* New runnable thread saving FPU/SSE state; NULL if no stack is left. */
struct thread *thread_create(const char *name, void (*fn)(void *), void *arg);
struct thread *thread_create_flags(const char *name, void (*fn)(void *),
				   void *arg, unsigned int flags);
struct thread *thread_current(void);
void thread_yield(void);
__noreturn void thread_exit(void);
/*
 * A thread's stack (and the struct thread on it) is freed by exactly one
 * of these. thread_join waits for t to end, frees it and returns 0;
 * -XEN_EINVAL for NULL, the caller itself, main or a detached thread;
 * -XEN_EBUSY at once if another thread is joining t already. After
 * either call returns 0, t may be gone: do not use it again.
 *
 * thread_detach says no one will join t: its stack goes back to the
 * page allocator when it ends (at once if it has ended), freed by the
 * next thread to run. A thread may detach itself. -XEN_EINVAL for NULL,
 * main or a thread detached already; -XEN_EBUSY if t is being joined.
 */
int thread_join(struct thread *t);
int thread_detach(struct thread *t);
void thread_sleep_until(uint64_t deadline_ns);
void thread_sleep_ns(uint64_t ns);

/*
 * Hooks for a C library linked into the app: on_switch runs (events
 * masked) just before `next` gets the CPU, on_reap when an ended thread
 * is freed - by its joiner, or for a detached one by the next thread to
 * get the CPU, events masked, once on_switch has run for that thread.
 * Either may be NULL.
 */
void thread_set_libc_hooks(void (*on_switch)(struct thread *next),
			   void (*on_reap)(struct thread *t));

/*
 * Makes a blocked thread runnable; safe from event handlers. A thread
 * asleep on a wait queue leaves the queue: its wait_event looks at its
 * condition again and sleeps again (at the end of the queue) if it does
 * not hold. Nothing else may be called from a handler that can sleep:
 * yield, sleep, wait_event, mutex_lock, join panic there.
 */
void thread_wake(struct thread *t);

/* Wait queues. The *_locked calls expect events masked (local_irq_save);
 * wq_wait_locked panics if they are not. */
void wq_wait_locked(struct wait_queue *wq);
void wake_one(struct wait_queue *wq);
void wake_all(struct wait_queue *wq);

/* Sleeps on wq until cond holds; the check and the sleep are atomic
 * against event handlers, so a wakeup between them is not lost. */
#define wait_event(wq, cond)                                                   \
	do {                                                                   \
		unsigned long flags_ = local_irq_save();                       \
		while (!(cond))                                                \
			wq_wait_locked(&(wq));                                 \
		local_irq_restore(flags_);                                     \
	} while (0)

/*
 * A bounded wait: deadline_start, then wait_event(wq, cond || d.passed),
 * then deadline_stop. Once ns have gone by, passed is set and wq woken
 * (from the timer's event handler).
 */
struct deadline {
	struct timer timer;
	struct wait_queue *wq;
	bool passed;
};
void deadline_start(struct deadline *d, struct wait_queue *wq, uint64_t ns);
void deadline_stop(struct deadline *d);

struct mutex {
	struct thread *owner;
	struct wait_queue waiters;
};
#define MUTEX_INIT                                                             \
	{                                                                      \
		NULL, WAIT_QUEUE_INIT                                          \
	}

void mutex_lock(struct mutex *m);
/* Panics if the caller does not hold m: that is a bug, not a state. */
void mutex_unlock(struct mutex *m);

struct sched_stats {
	unsigned long switches;	    /* stack switches */
	unsigned long idle_blocks;  /* SCHEDOP_block calls */
	unsigned long idle_no_work; /* ... that woke to an empty run queue */
};
extern struct sched_stats sched_stats;

#endif
