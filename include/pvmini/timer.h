/*
 * timer.h - software timers on Xen's one-shot vCPU timer.
 *
 * Any number of timers wait in one deadline-ordered queue; the earliest
 * deadline is programmed with VCPUOP_set_singleshot_timer and Xen raises
 * VIRQ_TIMER when it passes. Callbacks run from the event upcall with
 * events masked: they must be short and must not sleep (waking a thread
 * is the usual thing to do).
 */
#ifndef PVMINI_TIMER_H
#define PVMINI_TIMER_H

#include <pvmini/lib.h>

struct timer;
typedef void (*timer_fn_t)(struct timer *t);

struct timer {
	uint64_t deadline; /* monotonic_ns() value */
	timer_fn_t fn;
	void *data;
	struct timer *prev, *next; /* in the queue while armed */
	bool armed;
};

/* (Re)arms t to call fn(t) once monotonic_ns() >= deadline. */
void timer_arm(struct timer *t, uint64_t deadline, timer_fn_t fn, void *data);
/* Disarms t; returns whether it was still armed. */
bool timer_cancel(struct timer *t);

struct timer_stats {
	unsigned long virqs;	   /* VIRQ_TIMER events handled */
	unsigned long fired;	   /* callbacks run */
	unsigned long programmed;  /* one-shot hypercalls made */
	unsigned long early_virqs; /* VIRQs before our clock said so */
};
extern struct timer_stats timer_stats;

#endif
