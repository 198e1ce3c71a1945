/*
 * wait_queue.c - the FIFO behind the run queue and every wait queue, with
 * no hypercall inside (tests/unit/test_wait_queue.c). A thread sits in at
 * most one queue at a time, so one link field per thread suffices.
 */
#include <pvmini/thread.h>
#include "kernel/sched/sched_internal.h"

void wq_push(struct wait_queue *q, struct thread *t)
{
	t->queue_next = NULL;
	if (q->tail)
		q->tail->queue_next = t;
	else
		q->head = t;
	q->tail = t;
}

struct thread *wq_pop(struct wait_queue *q)
{
	struct thread *t = q->head;

	if (!t)
		return NULL;
	q->head = t->queue_next;
	if (!q->head)
		q->tail = NULL;
	t->queue_next = NULL;
	return t;
}
