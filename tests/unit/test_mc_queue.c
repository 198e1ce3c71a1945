/*
 * test_mc_queue.c - the multicall queue (kernel/xen/multicall_queue.c) driven
 * by a fake hypervisor: what fits, what extends, what a flush reports and in
 * which order callbacks see which results.
 */
#include "kernel/xen/multicall_queue.h"
#include "unit.h"

static struct mc_queue q;

/* The fake: op 99 fails with -22; every other op returns its args[0]. */
static int issued_batches;
static unsigned int issued_n;
static long fake_issue(multicall_entry_t *e, unsigned int n)
{
	issued_batches++;
	issued_n = n;
	for (unsigned int i = 0; i < n; i++)
		e[i].result = e[i].op == 99 ? (xen_ulong_t)-22L : e[i].args[0];
	return 0;
}

static long failing_issue(multicall_entry_t *e, unsigned int n)
{
	(void)e;
	(void)n;
	return -14;
}

static unsigned int fail_index[MC_ENTRIES], nfail;
static void record_fail(unsigned int index, unsigned int n,
			const multicall_entry_t *e)
{
	(void)n;
	(void)e;
	fail_index[nfail++] = index;
}

static long cb_result[8];
static int cb_order[8], ncb;
static void record_cb(void *data, long result)
{
	cb_order[ncb] = (int)(long)data;
	cb_result[ncb++] = result;
}

static void reset(void)
{
	mcq_init(&q);
	issued_batches = 0;
	nfail = 0;
	ncb = 0;
}

TEST(entries_fill_up_then_refuse)
{
	reset();
	for (int i = 0; i < MC_ENTRIES; i++)
		CHECK(mcq_add(&q, 1, 0, NULL) != NULL);
	CHECK(mcq_add(&q, 1, 0, NULL) == NULL);
	CHECK(q.n == MC_ENTRIES);
}

TEST(argument_space_runs_out)
{
	void *a, *b;

	reset();
	CHECK(mcq_add(&q, 1, MC_ARG_BYTES - 8, &a) != NULL);
	CHECK(mcq_add(&q, 1, 16, &b) == NULL); /* 8 bytes left, not 16 */
	CHECK(q.n == 1);
	CHECK(mcq_add(&q, 1, 8, &b) != NULL);
	CHECK((unsigned char *)b == (unsigned char *)a + MC_ARG_BYTES - 8);
	CHECK(mcq_add(&q, 1, 1, &b) == NULL);
}

TEST(arguments_are_aligned_and_disjoint)
{
	void *a, *b;

	reset();
	mcq_add(&q, 1, 3, &a);
	mcq_add(&q, 1, 8, &b);
	CHECK(((uintptr_t)a & 7) == 0 && ((uintptr_t)b & 7) == 0);
	CHECK((unsigned char *)b >= (unsigned char *)a + 3);
}

TEST(extend_grows_only_the_matching_tail)
{
	void *a, *x;

	reset();
	CHECK(mcq_extend(&q, 1, 16) == NULL); /* nothing queued */
	mcq_add(&q, 1, 16, &a);
	x = mcq_extend(&q, 1, 16);
	CHECK(x == (unsigned char *)a + 16);  /* contiguous: one array */
	CHECK(mcq_extend(&q, 2, 16) == NULL); /* another op */
	mcq_add(&q, 1, 0, NULL);
	CHECK(mcq_extend(&q, 1, 16) == NULL); /* last has no arguments */
	CHECK(mcq_extend(&q, 1, MC_ARG_BYTES) == NULL);
}

TEST(flush_reports_failed_entries_by_index)
{
	reset();
	for (int i = 0; i < 5; i++)
		mcq_add(&q, i == 1 || i == 3 ? 99 : 1, 0, NULL)->args[0] = 7;
	CHECK(mcq_flush(&q, fake_issue, record_fail) == 2);
	CHECK(issued_batches == 1 && issued_n == 5);
	CHECK(nfail == 2 && fail_index[0] == 1 && fail_index[1] == 3);
	CHECK(q.n == 0 && q.args_used == 0);
}

TEST(callbacks_run_in_order_with_their_entrys_result)
{
	reset();
	mcq_add(&q, 1, 0, NULL)->args[0] = 10;
	CHECK(mcq_add_callback(&q, record_cb, (void *)1));
	mcq_add(&q, 1, 0, NULL)->args[0] = 20;
	mcq_add(&q, 99, 0, NULL);
	CHECK(mcq_add_callback(&q, record_cb, (void *)2));
	CHECK(mcq_flush(&q, fake_issue, NULL) == 1);
	CHECK(ncb == 2);
	CHECK(cb_order[0] == 1 && cb_result[0] == 10);
	CHECK(cb_order[1] == 2 && cb_result[1] == -22);
}

TEST(callback_needs_an_entry)
{
	reset();
	CHECK(!mcq_add_callback(&q, record_cb, NULL));
}

TEST(failed_batch_runs_no_callback_and_empties)
{
	reset();
	mcq_add(&q, 1, 0, NULL);
	mcq_add_callback(&q, record_cb, NULL);
	CHECK(mcq_flush(&q, failing_issue, record_fail) == -14);
	CHECK(ncb == 0 && nfail == 0 && q.n == 0);
}

TEST(empty_flush_issues_nothing)
{
	reset();
	CHECK(mcq_flush(&q, fake_issue, record_fail) == 0);
	CHECK(issued_batches == 0);
}
