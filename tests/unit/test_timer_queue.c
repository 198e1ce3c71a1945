/*
 * test_timer_queue.c - the deadline-ordered timer list (kernel/
 * timer_queue.c): 1000 timers inserted in random order come out in
 * deadline order, ties in arming order, and removal anywhere keeps the
 * list consistent.
 */
#include <pvmini/timer.h>
#include <stdlib.h>
#include "kernel/sched/timer_queue.h"
#include "unit.h"

#define N 1000

static struct timer timers[N];

static struct timer *pop(struct timer_queue *q)
{
	struct timer *t = tq_first(q);

	if (t)
		tq_remove(q, t);
	return t;
}

static void shuffle(int *idx, int n)
{
	for (int i = 0; i < n; i++)
		idx[i] = i;
	for (int i = n - 1; i > 0; i--) {
		int j = rand() % (i + 1), tmp = idx[i];

		idx[i] = idx[j];
		idx[j] = tmp;
	}
}

TEST(thousand_random_come_out_in_deadline_order)
{
	struct timer_queue q = { 0 };
	int idx[N];
	uint64_t last = 0;

	srand(42);
	shuffle(idx, N);
	for (int i = 0; i < N; i++) {
		timers[idx[i]] = (struct timer){ .deadline = rand() % 5000 };
		tq_insert(&q, &timers[idx[i]]);
	}
	CHECK(q.count == N);
	for (int i = 0; i < N; i++) {
		struct timer *t = pop(&q);

		CHECK(t != NULL);
		CHECK(t->deadline >= last);
		CHECK(!t->armed);
		last = t->deadline;
	}
	CHECK(pop(&q) == NULL);
	CHECK(q.count == 0 && !q.head && !q.tail);
}

TEST(equal_deadlines_keep_arming_order)
{
	struct timer_queue q = { 0 };

	for (int i = 0; i < 10; i++) {
		timers[i] = (struct timer){ .deadline = 7 };
		tq_insert(&q, &timers[i]);
	}
	for (int i = 0; i < 10; i++)
		CHECK(pop(&q) == &timers[i]);
}

TEST(remove_anywhere_and_twice)
{
	struct timer_queue q = { 0 };
	int idx[N];

	srand(7);
	shuffle(idx, N);
	for (int i = 0; i < N; i++) {
		timers[i] = (struct timer){ .deadline = idx[i] };
		tq_insert(&q, &timers[i]);
	}
	/* Remove the head, the tail and every third in between. */
	for (int i = 0; i < N; i += 3)
		tq_remove(&q, &timers[i]);
	tq_remove(&q, &timers[0]); /* already out: no effect */
	CHECK(q.count == N - (N + 2) / 3);
	int seen = 0;
	uint64_t last = 0;

	for (struct timer *t; (t = pop(&q)); seen++) {
		CHECK((t - timers) % 3 != 0);
		CHECK(t->deadline >= last);
		last = t->deadline;
	}
	CHECK(seen == N - (N + 2) / 3);
}

TEST(backwards_links_match_forwards)
{
	struct timer_queue q = { 0 };
	int n = 0;

	for (int i = 0; i < 50; i++) {
		timers[i] = (struct timer){ .deadline = (i * 37) % 50 };
		tq_insert(&q, &timers[i]);
	}
	for (struct timer *t = q.tail; t; t = t->prev, n++)
		CHECK(!t->prev || t->prev->next == t);
	CHECK(n == 50);
}
