/*
 * timer_queue.c - the deadline-ordered timer list, with no hypercall
 * inside (unit-tested on the host: tests/unit/test_timer_queue.c).
 *
 * A sorted doubly-linked list: removal (cancel, expiry) is O(1) and needs
 * no allocation, so any number of caller-owned timers fit. Insertion
 * walks from the tail, where new deadlines usually land.
 */
#include <pvmini/timer.h>
#include "kernel/sched/timer_queue.h"

void tq_insert(struct timer_queue *q, struct timer *t)
{
	struct timer *after = q->tail;

	while (after && after->deadline > t->deadline)
		after = after->prev;
	t->prev = after;
	t->next = after ? after->next : q->head;
	if (t->next)
		t->next->prev = t;
	else
		q->tail = t;
	if (after)
		after->next = t;
	else
		q->head = t;
	t->armed = true;
	q->count++;
}

void tq_remove(struct timer_queue *q, struct timer *t)
{
	if (!t->armed)
		return;
	if (t->prev)
		t->prev->next = t->next;
	else
		q->head = t->next;
	if (t->next)
		t->next->prev = t->prev;
	else
		q->tail = t->prev;
	t->prev = t->next = NULL;
	t->armed = false;
	q->count--;
}
