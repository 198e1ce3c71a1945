/*
 * test_buddy.c - the buddy allocator (mm/buddy.c): splitting, merging,
 * exhaustion, bad frees, and a random run checked against a shadow map
 * of which pages are handed out.
 */
#include <stdlib.h>
#include "mm/buddy.h"
#include "unit.h"

#define N 5000
static struct buddy b;
static unsigned char meta[N * 9];

static void fresh(unsigned long base, unsigned long n)
{
	buddy_init(&b, base, n, meta);
	buddy_add(&b, base, n);
}

TEST(all_pages_free_after_add)
{
	fresh(100, N);
	CHECK(b.free_pages == N);
}

TEST(split_and_merge_back)
{
	long a, c;

	fresh(0, 1024);
	a = buddy_alloc(&b, 0);
	CHECK(a == 0);
	CHECK(b.free_pages == 1023);
	c = buddy_alloc(&b, 3);
	CHECK(c == 8); /* pages 1..7 are split pieces; 8 starts an 8-block */
	CHECK(buddy_free(&b, a, 0) == 0);
	CHECK(buddy_free(&b, c, 3) == 0);
	CHECK(b.free_pages == 1024);
	CHECK(buddy_alloc(&b, BUDDY_MAX_ORDER) == 0); /* merged whole */
}

TEST(exhaustion_returns_minus_one)
{
	fresh(0, 3);
	CHECK(buddy_alloc(&b, 2) == -1); /* no 4-page block in 3 pages */
	CHECK(buddy_alloc(&b, 0) >= 0);
	CHECK(buddy_alloc(&b, 0) >= 0);
	CHECK(buddy_alloc(&b, 0) >= 0);
	CHECK(buddy_alloc(&b, 0) == -1);
	CHECK(b.free_pages == 0);
}

TEST(bad_and_double_frees_are_refused)
{
	long a;

	fresh(0, 64);
	a = buddy_alloc(&b, 2);
	CHECK(buddy_free(&b, a + 1, 2) == -1); /* misaligned */
	CHECK(buddy_free(&b, 1000, 0) == -1);  /* outside */
	CHECK(buddy_free(&b, a, 2) == 0);
	CHECK(buddy_free(&b, a, 2) == -1);     /* double */
	CHECK(buddy_free(&b, a + 1, 0) == -1); /* inside a free block */
	CHECK(b.free_pages == 64);
}

TEST(random_run_never_overlaps)
{
	static unsigned char owner[N];
	static long got[2000];
	static unsigned int ord[2000];
	unsigned int n = 0;

	srand(7);
	fresh(0, N);
	memset(owner, 0, sizeof(owner));
	for (int step = 0; step < 50000; step++) {
		if (n < 2000 && (rand() % 3 || !n)) {
			unsigned int o = rand() % 5;
			long p = buddy_alloc(&b, o);

			if (p < 0)
				continue;
			CHECK(p % (1L << o) == 0);
			for (long j = p; j < p + (1L << o); j++) {
				CHECK(!owner[j]);
				owner[j] = 1;
			}
			got[n] = p;
			ord[n++] = o;
		} else {
			unsigned int k = rand() % n;

			for (long j = got[k]; j < got[k] + (1L << ord[k]); j++)
				owner[j] = 0;
			CHECK(buddy_free(&b, got[k], ord[k]) == 0);
			got[k] = got[--n];
			ord[k] = ord[n];
		}
	}
	while (n) {
		n--;
		CHECK(buddy_free(&b, got[n], ord[n]) == 0);
	}
	CHECK(b.free_pages == N);
}

/* buddy_add's contract (pages of the range) is an ASSERT, not a hope. */
TEST(add_outside_the_range_asserts)
{
	buddy_init(&b, 100, 64, meta);
	CHECK_ASSERTS(buddy_add(&b, 99, 1));
	CHECK_ASSERTS(buddy_add(&b, 100, 65));
	CHECK_ASSERTS(buddy_add(&b, 164, 1));
	buddy_add(&b, 100, 64); /* the whole range is fine */
	CHECK(b.free_pages == 64);
}

TEST(corrupt_free_list_head_asserts)
{
	fresh(0, 16);
	b.state[0] = 0; /* the order-4 head no longer says it is free */
	CHECK_ASSERTS(buddy_alloc(&b, 0));
}
