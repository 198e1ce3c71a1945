/*
 * wait_queue.c - the FIFO behind the run queue and every wait queue, with
 * no hypercall inside (tests/unit/test_wait_queue.c). A thread sits in at
 * most one queue at a time, so one pair of links per thread suffices; it
 * also records which queue that is, so that thread_wake can take a
 * sleeper out of its wait queue (wq_remove) before it joins the run
 * queue, instead of reusing the links the wait queue still counts on.
 */
#include <pvmini/thread.h>
#include "kernel/sched/sched_internal.h"

void wq_push(struct wait_queue *q, struct thread *t)
{
	t->queue = q;
	t->queue_next = NULL;
	t->queue_prev = q->tail;
	if (q->tail)
		q->tail->queue_next = t;
	else
		q->head = t;
	q->tail = t;
}

void wq_remove(struct thread *t)
{
	struct wait_queue *q = t->queue;

	if (!q)
		return;
	if (t->queue_prev)
		t->queue_prev->queue_next = t->queue_next;
	else
		q->head = t->queue_next;
	if (t->queue_next)
		t->queue_next->queue_prev = t->queue_prev;
	else
		q->tail = t->queue_prev;
	t->queue_next = t->queue_prev = NULL;
	t->queue = NULL;
}

struct thread *wq_pop(struct wait_queue *q)
{
	struct thread *t = q->head;

	if (t)
		wq_remove(t);
	return t;
}
