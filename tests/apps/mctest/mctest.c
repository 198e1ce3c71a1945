/*
 * mctest - the multicall batcher against real Xen.
 *
 * 1. Rotates the mappings of 1000 pages (page i -> the frame of page i+1)
 *    with 1000 queued mmu_update requests, then checks every PTE and
 *    every page's contents, and how few hypercalls it took.
 * 2. Queues update_va_mapping, a bad mmu_update, update_va_mapping: the
 *    bad entry is reported with its index, and the others took effect.
 * Returns 0 only if everything held.
 */
#include <arch/layout.h>
#include <pvmini.h>
#include <pvmini/multicall.h>
#include "arch/x86/pte.h"
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
	printk("mctest: %s (%d mismatches)\n", errors ? "FAILED" : "all good",
	       errors);
	return errors ? 1 : 0;
}
