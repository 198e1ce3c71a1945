/*
 * test_mc_queue.c - the multicall queue (kernel/xen/multicall_queue.c) and
 * its reports (multicall_report.c), driven by a fake hypervisor: what
 * fits, what merges, what a batch that took several multicalls reports
 * and returns, array calls that stop at a bad request, multicalls that
 * fail as a whole after a prefix, and in which order callbacks see
 * which results.
 */
#include "kernel/xen/multicall_queue.h"
#include "unit.h"

static struct mc_queue q;

/*
 * The fake: op 99 fails with -22; an array call (op 1, mmu_update's
 * number) applies its requests up to the first whose ptr is 0xbad,
 * says so in its done counter and fails there; every other op returns
 * its args[0]. fault_at >= 0: the multicall fails as a whole (-14) when
 * it reaches that entry, as Xen does with an entry it cannot read.
 */
static int issued_batches, fault_at = -1;
static unsigned int issued_n[8];
static long fake_issue(multicall_entry_t *e, unsigned int n)
{
	issued_n[issued_batches++ & 7] = n;
	for (unsigned int i = 0; i < n; i++) {
		if ((int)i == fault_at)
			return -14;
		if (e[i].op == 99) {
			e[i].result = (xen_ulong_t)-22L;
		} else if (e[i].op == __HYPERVISOR_mmu_update) {
			struct mmu_update *r = (void *)e[i].args[0];
			uint32_t k = 0;

			while (k < e[i].args[1] && r[k].ptr != 0xbad)
				k++;
			*(uint32_t *)e[i].args[2] = k;
			e[i].result = k < e[i].args[1] ? (xen_ulong_t)-22L : 0;
		} else {
			e[i].result = e[i].args[0];
		}
	}
	return 0;
}

static struct mc_failure fails[16];
static char text[16][320];
static unsigned int nfail;
static void record_fail(const struct mc_failure *f)
{
	if (nfail < 16) {
		fails[nfail] = *f;
		mc_describe(text[nfail], sizeof(text[0]), f);
	}
	nfail++;
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
	mcq_init(&q, fake_issue, record_fail);
	issued_batches = 0;
	fault_at = -1;
	nfail = 0;
	ncb = 0;
}

static multicall_entry_t *add(unsigned long op, unsigned long arg0)
{
	multicall_entry_t *e = mcq_add(&q, op, 0, NULL);

	e->args[0] = arg0;
	return e;
}

TEST(a_full_queue_issues_itself_and_goes_on)
{
	reset();
	for (int i = 0; i < MC_ENTRIES; i++)
		add(1 + 2, 0);
	CHECK(issued_batches == 0 && q.n == MC_ENTRIES);
	CHECK(add(3, 0) != NULL);
	CHECK(issued_batches == 1 && issued_n[0] == MC_ENTRIES && q.n == 1);
	CHECK(mcq_flush(&q) == 0);
	CHECK(issued_batches == 2 && issued_n[1] == 1);
}

TEST(arguments_too_big_for_any_batch_are_refused)
{
	void *a;

	reset();
	CHECK(mcq_add(&q, 3, MC_ARG_BYTES + 1, &a) == NULL);
	CHECK(mcq_add(&q, 3, MC_ARG_BYTES, &a) != NULL && q.n == 1);
}

TEST(argument_space_running_out_issues_the_part)
{
	void *a, *b;

	reset();
	CHECK(mcq_add(&q, 3, MC_ARG_BYTES - 8, &a) != NULL);
	CHECK(mcq_add(&q, 3, 8, &b) != NULL); /* fits exactly */
	CHECK((unsigned char *)b == (unsigned char *)a + MC_ARG_BYTES - 8);
	CHECK(issued_batches == 0);
	CHECK(mcq_add(&q, 3, 16, &b) != NULL); /* does not: new part */
	CHECK(issued_batches == 1 && issued_n[0] == 2);
	CHECK(b == (void *)q.args && q.n == 1);
}

TEST(arguments_are_aligned_and_disjoint)
{
	void *a, *b;

	reset();
	mcq_add(&q, 3, 3, &a);
	mcq_add(&q, 3, 8, &b);
	CHECK(((uintptr_t)a & 7) == 0 && ((uintptr_t)b & 7) == 0);
	CHECK((unsigned char *)b >= (unsigned char *)a + 3);
}

TEST(array_requests_merge_into_one_entry)
{
	struct mmu_update *r[3];

	reset();
	for (int i = 0; i < 3; i++)
		r[i] = mcq_add_array(&q, __HYPERVISOR_mmu_update, sizeof(*r[i]),
				     DOMID_SELF);
	CHECK(q.n == 1 && q.entry[0].args[1] == 3);
	CHECK(r[1] == r[0] + 1 && r[2] == r[0] + 2); /* one array */
	CHECK(q.entry[0].args[0] == (unsigned long)r[0]);
	CHECK(q.entry[0].args[2] == (unsigned long)&q.array[0].done);
	CHECK(q.entry[0].args[3] == DOMID_SELF);
	/* Another op, or another domain, starts a new entry. */
	mcq_add_array(&q, __HYPERVISOR_mmuext_op, 24, DOMID_SELF);
	CHECK(q.n == 2);
	mcq_add_array(&q, __HYPERVISOR_mmuext_op, 24, 5);
	CHECK(q.n == 3);
	/* An entry in between ends the run. */
	add(3, 0);
	mcq_add_array(&q, __HYPERVISOR_mmuext_op, 24, 5);
	CHECK(q.n == 5);
}

TEST(a_full_array_goes_on_in_the_next_part)
{
	unsigned int per = MC_ARG_BYTES / sizeof(struct mmu_update);

	reset();
	for (unsigned int i = 0; i < per + 10; i++)
		mcq_add_array(&q, __HYPERVISOR_mmu_update,
			      sizeof(struct mmu_update), DOMID_SELF);
	CHECK(issued_batches == 1 && issued_n[0] == 1);
	CHECK(q.n == 1 && q.array[0].count == 10);
	CHECK(mcq_flush(&q) == 0);
}

TEST(failures_are_reported_by_index)
{
	reset();
	for (int i = 0; i < 5; i++)
		add(i == 1 || i == 3 ? 99 : 3, 7);
	CHECK(mcq_flush(&q) == 2);
	CHECK(issued_batches == 1 && issued_n[0] == 5);
	CHECK(nfail == 2 && fails[0].index == 1 && fails[1].index == 3);
	CHECK(fails[0].kind == MC_ENTRY_FAILED && fails[0].result == -22);
	CHECK_STR(text[0], "multicall: entry 1 of 5 failed: op 99 (?) args "
			   "0x7 0 0 0 0 0 result -22");
	CHECK(q.n == 0 && q.args_used == 0);
}

/* The defect: a failure in a part issued because the queue was full. */
TEST(a_failure_in_an_earlier_part_is_counted)
{
	reset();
	for (int i = 0; i < 40; i++)
		add(i == 5 ? 99 : 3, 0);
	CHECK(issued_batches == 1);
	CHECK(mcq_flush(&q) == 1);
	CHECK(issued_batches == 2);
	CHECK(nfail == 1 && fails[0].part == 1 && fails[0].index == 5 &&
	      fails[0].split);
	CHECK(!strncmp(text[0],
		       "multicall: part 1, entry 5 of 32 failed:", 40));
	/* ... and the next batch starts clean. */
	add(3, 0);
	CHECK(mcq_flush(&q) == 0);
}

TEST(failures_in_several_parts_add_up)
{
	reset();
	for (int i = 0; i < 70; i++)
		add(i == 0 || i == 40 || i == 69 ? 99 : 3, 0);
	CHECK(mcq_flush(&q) == 3);
	CHECK(nfail == 3 && fails[1].part == 2 && fails[1].index == 8);
	CHECK(fails[2].part == 3 && fails[2].index == 5 && fails[2].split);
}

TEST(an_array_call_names_the_request_xen_stopped_at)
{
	struct mmu_update *r;

	reset();
	for (int i = 0; i < 100; i++) {
		r = mcq_add_array(&q, __HYPERVISOR_mmu_update, sizeof(*r),
				  DOMID_SELF);
		r->ptr = i == 40 ? 0xbad : 0x1000 + i * 8;
		r->val = i;
	}
	CHECK(mcq_flush(&q) == 1);
	CHECK(nfail == 1 && fails[0].count == 100 && fails[0].done == 40);
	CHECK(((const struct mmu_update *)fails[0].req)->ptr == 0xbad);
	CHECK(strstr(text[0], "\nmulticall:   request 40 of 100 failed (ptr "
			      "0xbad val 0x28): 40 done, 59 not done"));
}

/* Xen's multicall fails as a whole at entry 2: 0 and 1 ran. */
TEST(a_multicall_failing_as_a_whole_ran_a_prefix)
{
	reset();
	fault_at = 2;
	add(99, 0);
	mcq_add_callback(&q, record_cb, (void *)0);
	add(3, 10);
	mcq_add_callback(&q, record_cb, (void *)1);
	add(3, 20);
	mcq_add_callback(&q, record_cb, (void *)2);
	add(3, 30);
	CHECK(mcq_flush(&q) == -14);
	CHECK(ncb == 3 && cb_result[0] == -22 && cb_result[1] == 10 &&
	      cb_result[2] == -14);
	CHECK(nfail == 2 && fails[0].kind == MC_ENTRY_FAILED &&
	      fails[1].kind == MC_NOT_RUN_TAIL && fails[1].index == 2);
	CHECK_STR(text[1], "multicall: the multicall failed as a whole (-14): "
			   "entries 2-3 of 4 did not run, the 2 before them "
			   "did");
	CHECK(q.n == 0);
}

/* After such a failure, later parts are not issued: order matters. */
TEST(parts_after_a_failed_multicall_are_not_issued)
{
	reset();
	fault_at = 0;
	for (int i = 0; i < 40; i++)
		add(3, 0);
	mcq_add_callback(&q, record_cb, (void *)7);
	fault_at = -1;
	CHECK(mcq_flush(&q) == -14);
	CHECK(issued_batches == 1);
	CHECK(ncb == 1 && cb_order[0] == 7 && cb_result[0] == -14);
	CHECK(nfail == 2 && fails[1].kind == MC_NOT_ISSUED && fails[1].n == 8);
	CHECK_STR(text[1], "multicall: part 2, 8 entries not issued: an "
			   "earlier part failed as a whole (-14)");
	add(3, 0); /* the next batch is issued again */
	CHECK(mcq_flush(&q) == 0 && issued_batches == 2);
}

TEST(callbacks_run_in_order_with_their_entrys_result)
{
	reset();
	add(3, 10);
	CHECK(mcq_add_callback(&q, record_cb, (void *)1));
	add(3, 20);
	add(99, 0);
	CHECK(mcq_add_callback(&q, record_cb, (void *)2));
	CHECK(mcq_flush(&q) == 1);
	CHECK(ncb == 2);
	CHECK(cb_order[0] == 1 && cb_result[0] == 10);
	CHECK(cb_order[1] == 2 && cb_result[1] == -22);
}

TEST(callback_needs_an_entry)
{
	reset();
	CHECK(!mcq_add_callback(&q, record_cb, NULL));
}

TEST(empty_flush_issues_nothing)
{
	reset();
	CHECK(mcq_flush(&q) == 0);
	CHECK(issued_batches == 0);
}

TEST(reports_fit_a_small_buffer)
{
	char small[24];
	struct mc_failure f = { .kind = MC_NOT_ISSUED, .split = true, .n = 3 };

	mc_describe(small, sizeof(small), &f);
	CHECK(strlen(small) == sizeof(small) - 1);
}
