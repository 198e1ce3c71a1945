/*
 * timer_queue.h - the deadline-ordered queue under the timers
 * (kernel/sched/timer_queue.c): pure, no hypercall, unit-tested.
 */
#ifndef KERNEL_SCHED_TIMER_QUEUE_H
#define KERNEL_SCHED_TIMER_QUEUE_H

#include <pvmini/timer.h>

struct timer_queue {
	struct timer *head, *tail;
	unsigned long count;
};

/* Inserts after every timer due at or before t's deadline (FIFO ties). */
void tq_insert(struct timer_queue *q, struct timer *t);
void tq_remove(struct timer_queue *q, struct timer *t);
/* The earliest timer, or NULL. */
static inline struct timer *tq_first(const struct timer_queue *q)
{
	return q->head;
}

#endif
