/*
 * mctest - the multicall batcher against real Xen.
 *
 * 1. Rotates the mappings of 1000 pages (page i -> the frame of page i+1)
 *    with 1000 queued mmu_update requests, then checks every PTE and
 *    every page's contents, and how few hypercalls it took.
 * 2. Queues update_va_mapping, a bad mmu_update, update_va_mapping: the
 *    bad entry is reported with its index, and the others took effect.
 * 3. A bad entry inside a batch too big for one multicall: the part that
 *    was issued on its own still counts in mc_flush's result.
 * 4. A merged mmu_update whose 41st request is bad: Xen stops there, so
 *    requests 0-39 took effect and 41-99 did not; the report names the
 *    request and how many were done.
 * 5. A multicall that fails as a whole (its third entry lies on an
 *    unmapped page): Xen has run the two before it; the queue must say
 *    so - their callbacks see their results, the third one's the error.
 * Returns 0 only if everything held.
 */
#include <arch/layout.h>
#include <pvmini.h>
#include <pvmini/multicall.h>
#include "arch/x86/pagetable.h"
#include "arch/x86/pte.h"
#include "kernel/xen/multicall_queue.h"
#include "mm/direct_map.h"

#define NPAGES 1000
#define AD (PTE_ACCESSED | PTE_DIRTY) /* the CPU sets these on use */

static uint64_t pages[NPAGES][PAGE_SIZE / 8] __attribute__((aligned(4096)));
static uint64_t pte_maddr[NPAGES], original[NPAGES];
static int errors;

static void expect(bool ok, const char *what, int i)
{
	if (!ok && errors++ < 10)
		printk("mctest: MISMATCH %s at page %d\n", what, i);
}

/* Maps page i to the frame page (i + shift) % NPAGES had at the start. */
static void rotate(int shift)
{
	struct mc_stats before = mc_stats;
	int failed;

	mc_batch();
	for (int i = 0; i < NPAGES; i++)
		mc_mmu_update(pte_maddr[i] | MMU_NORMAL_PT_UPDATE,
			      original[(i + shift) % NPAGES]);
	mc_tlb_flush_local();
	failed = mc_flush();
	printk("mctest: %d PTE updates: %lu multicalls, %lu entries, "
	       "%d failed\n",
	       NPAGES, mc_stats.batches - before.batches,
	       mc_stats.entries - before.entries, failed);
	expect(failed == 0, "failed entries", -1);

	for (int i = 0; i < NPAGES; i++) {
		uint64_t maddr, pte;

		expect(!pte_lookup((unsigned long)pages[i], &maddr, &pte),
		       "lookup", i);
		expect((pte & ~AD) == (original[(i + shift) % NPAGES] & ~AD),
		       "PTE", i);
		expect(pages[i][0] == (uint64_t)(i + shift) % NPAGES,
		       "contents", i);
	}
}

static void bad_entry_in_the_middle(void)
{
	int failed;

	mc_batch();
	mc_update_va_mapping((unsigned long)pages[0], original[1], UVMF_INVLPG);
	/* A machine address far beyond any RAM: Xen must refuse it. */
	mc_mmu_update(0x7ffffffff000ULL | MMU_NORMAL_PT_UPDATE, 0);
	mc_update_va_mapping((unsigned long)pages[2], original[3], UVMF_INVLPG);
	failed = mc_flush();
	printk("mctest: bad entry batch: %d failed\n", failed);
	expect(failed == 1, "failure count", -1);
	expect(pages[0][0] == 1, "entry before the bad one", 0);
	expect(pages[2][0] == 3, "entry after the bad one", 2);

	mc_batch();
	mc_update_va_mapping((unsigned long)pages[0], original[0], UVMF_INVLPG);
	mc_update_va_mapping((unsigned long)pages[2], original[2], UVMF_INVLPG);
	expect(mc_flush() == 0, "restore", -1);
}

/* Sets page i's PTE back to its own frame, for i in [from, to). */
static void restore(int from, int to)
{
	mc_batch();
	for (int i = from; i < to; i++)
		mc_mmu_update(pte_maddr[i] | MMU_NORMAL_PT_UPDATE, original[i]);
	mc_tlb_flush_local();
	expect(mc_flush() == 0, "restore", -1);
}

/* 40 entries do not fit one multicall (32): the bad one is in the part
 * issued on its own, and must still be counted. */
static void failure_in_a_full_batch(void)
{
	int failed;

	mc_batch();
	for (int i = 0; i < 40; i++)
		mc_update_va_mapping((unsigned long)pages[i],
				     i == 5 ? 0x7ffffffff000ULL | PTE_PRESENT
					    : original[i],
				     UVMF_INVLPG);
	failed = mc_flush();
	printk("mctest: 40 entries, the one at 5 bad: %d failed\n", failed);
	expect(failed == 1, "failure in a full batch", -1);
	for (int i = 0; i < 40; i++)
		expect(pages[i][0] == (uint64_t)i, "contents after full batch",
		       i);
}

/* Xen applies a merged array up to the bad request and skips the rest. */
static void failure_in_a_merged_update(void)
{
	int failed;

	mc_batch();
	for (int i = 0; i < 100; i++)
		mc_mmu_update(i == 40 ? 0x7ffffffff000ULL | MMU_NORMAL_PT_UPDATE
				      : pte_maddr[i] | MMU_NORMAL_PT_UPDATE,
			      original[i + 1]);
	mc_tlb_flush_local();
	failed = mc_flush();
	printk("mctest: 100 merged PTE updates, the one at 40 bad: %d "
	       "failed\n",
	       failed);
	expect(failed == 1, "failure count (merged)", -1);
	for (int i = 0; i < 100; i++)
		if (i != 40)
			expect(pages[i][0] == (uint64_t)(i < 40 ? i + 1 : i),
			       i < 40 ? "request before the bad one"
				      : "request after the bad one (skipped)",
			       i);
	restore(0, 100);
}

/*
 * A multicall that fails as a whole: its third entry is on a page that
 * is not mapped, so Xen cannot read it (-EFAULT) - after running the
 * first two. The queue is driven with an issuer that copies the entries
 * to the end of a mapped page followed by an unmapped one.
 */
static uint8_t straddle[2][PAGE_SIZE] __attribute__((aligned(4096)));
static long straddle_issue(multicall_entry_t *e, unsigned int n)
{
	multicall_entry_t *at =
		(multicall_entry_t *)straddle[1] - 2; /* 2 fit on page 0 */
	long rc;

	memcpy(at, e, 2 * sizeof(*e));
	rc = xen_multicall(at, n);
	for (unsigned int i = 0; i < 2 && i < n; i++)
		e[i].result = at[i].result;
	return rc;
}

static long cb_result[3];
static int cb_calls;
static void record(void *data, long result)
{
	cb_result[(long)data] = result;
	cb_calls++;
}

static void batch_fails_as_a_whole(void)
{
	static struct mc_queue q;
	uint64_t guard_maddr, guard_pte;
	int rc;

	if (pte_lookup((unsigned long)straddle[1], &guard_maddr, &guard_pte) ||
	    guard_page(straddle[1]))
		panic("mctest: cannot unmap the straddle page");
	mcq_init(&q, straddle_issue, NULL);
	for (long i = 0; i < 3; i++) {
		multicall_entry_t *e =
			mcq_add(&q, __HYPERVISOR_update_va_mapping, 0, NULL);

		e->args[0] = (unsigned long)pages[i];
		e->args[1] = original[i + 1];
		e->args[2] = UVMF_INVLPG;
		mcq_add_callback(&q, record, (void *)i);
	}
	cb_result[0] = cb_result[1] = cb_result[2] = 99;
	rc = mcq_flush(&q);
	printk("mctest: multicall failing as a whole: %d; entries before it "
	       "%s; callbacks: %d (results %ld %ld %ld)\n",
	       rc, pages[0][0] == 1 && pages[1][0] == 2 ? "ran" : "did not run",
	       cb_calls, cb_result[0], cb_result[1], cb_result[2]);
	expect(rc == -XEN_EFAULT, "batch error", -1);
	expect(pages[0][0] == 1 && pages[1][0] == 2, "prefix ran", -1);
	expect(pages[2][0] == 2, "entry after the fault did not run", 2);
	expect(cb_calls == 3 && cb_result[0] == 0 && cb_result[1] == 0 &&
		       cb_result[2] == -XEN_EFAULT,
	       "callbacks after a failed batch", -1);
	if (xen_update_va_mapping((unsigned long)straddle[1], guard_pte,
				  UVMF_INVLPG))
		panic("mctest: cannot map the straddle page back");
	restore(0, 3);
}

int main(void)
{
	for (int i = 0; i < NPAGES; i++) {
		pages[i][0] = i;
		if (pte_lookup((unsigned long)pages[i], &pte_maddr[i],
			       &original[i]))
			panic("mctest: page %d is not mapped", i);
	}
	rotate(1);
	rotate(0); /* and back */
	bad_entry_in_the_middle();
	failure_in_a_full_batch();
	failure_in_a_merged_update();
	batch_fails_as_a_whole();
	printk("mctest: %s (%d mismatches)\n", errors ? "FAILED" : "all good",
	       errors);
	return errors ? 1 : 0;
}
