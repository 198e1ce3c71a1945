/*
 * test_wait_queue.c - the thread FIFO (kernel/sched/wait_queue.c) behind the
 * run queue and wait queues: first in, first out; empty is empty; a
 * popped thread carries no stale link into its next queue.
 */
#include <pvmini/thread.h>
#include "kernel/sched/sched_internal.h"
#include "unit.h"

static struct thread t[4];

TEST(fifo_order)
{
	struct wait_queue q = WAIT_QUEUE_INIT;

	CHECK(wq_empty(&q));
	CHECK(wq_pop(&q) == NULL);
	for (int i = 0; i < 4; i++)
		wq_push(&q, &t[i]);
	for (int i = 0; i < 4; i++)
		CHECK(wq_pop(&q) == &t[i]);
	CHECK(wq_empty(&q));
	CHECK(q.tail == NULL);
}

TEST(interleaved_push_pop)
{
	struct wait_queue q = WAIT_QUEUE_INIT;

	wq_push(&q, &t[0]);
	wq_push(&q, &t[1]);
	CHECK(wq_pop(&q) == &t[0]);
	wq_push(&q, &t[2]);
	CHECK(wq_pop(&q) == &t[1]);
	CHECK(wq_pop(&q) == &t[2]);
	CHECK(wq_pop(&q) == NULL);
	wq_push(&q, &t[3]);
	CHECK(wq_pop(&q) == &t[3]);
}

TEST(moving_between_queues_leaves_no_link)
{
	struct wait_queue a = WAIT_QUEUE_INIT, b = WAIT_QUEUE_INIT;

	wq_push(&a, &t[0]);
	wq_push(&a, &t[1]);
	wq_push(&b, wq_pop(&a));
	CHECK(t[0].queue_next == NULL);
	CHECK(wq_pop(&b) == &t[0]);
	CHECK(wq_pop(&b) == NULL);
	CHECK(wq_pop(&a) == &t[1]);
}
