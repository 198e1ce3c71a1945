/*
 * test_wait_queue.c - the thread FIFO (kernel/sched/wait_queue.c) behind the
 * run queue and wait queues: first in, first out; empty is empty; a
 * popped thread carries no stale link into its next queue; a thread
 * taken out of the middle (thread_wake on a sleeper) leaves the others
 * queued.
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

/* What thread_wake does with a sleeper: out of its wait queue, into the
 * run queue; the threads behind it stay where they were. */
TEST(remove_keeps_the_rest)
{
	struct wait_queue wq = WAIT_QUEUE_INIT, runq = WAIT_QUEUE_INIT;

	for (int i = 0; i < 3; i++)
		wq_push(&wq, &t[i]);
	wq_remove(&t[0]);
	wq_push(&runq, &t[0]);
	wq_push(&runq, &t[3]);
	CHECK(wq_pop(&wq) == &t[1]);
	CHECK(wq_pop(&wq) == &t[2]);
	CHECK(wq_pop(&wq) == NULL);
	CHECK(wq_pop(&runq) == &t[0]);
	CHECK(wq_pop(&runq) == &t[3]);
	CHECK(wq_empty(&runq));
}

TEST(remove_from_middle_and_tail)
{
	struct wait_queue q = WAIT_QUEUE_INIT;

	for (int i = 0; i < 4; i++)
		wq_push(&q, &t[i]);
	wq_remove(&t[2]);
	wq_remove(&t[3]);
	CHECK(q.tail == &t[1]);
	wq_push(&q, &t[3]); /* the new tail follows the old one */
	CHECK(wq_pop(&q) == &t[0]);
	CHECK(wq_pop(&q) == &t[1]);
	CHECK(wq_pop(&q) == &t[3]);
	CHECK(wq_empty(&q) && q.tail == NULL);
}

TEST(remove_of_an_unqueued_thread_does_nothing)
{
	struct wait_queue q = WAIT_QUEUE_INIT;

	wq_push(&q, &t[0]);
	CHECK(wq_pop(&q) == &t[0]);
	CHECK(t[0].queue == NULL);
	wq_remove(&t[0]);
	wq_remove(&t[1]);
	wq_push(&q, &t[1]);
	wq_remove(&t[1]);
	CHECK(wq_empty(&q) && q.tail == NULL);
	CHECK(t[1].queue == NULL && t[1].queue_prev == NULL);
}
