/*
 * mcbench - what batching hypercalls buys, measured in guest time.
 *
 * For N = 1, 8, 32, 128, 1024 operations of two kinds - page-table
 * updates (each rewrites a PTE of a 1024-page buffer with its own value,
 * so Xen validates a real entry) and xen_version (the cheapest call
 * there is) - issued one hypercall each, then queued in one batch.
 * Prints ops/s for both (best of 7 alternating trials), the ratio, and
 * how many traps each took.
 */
#include <arch/layout.h>
#include <pvmini.h>
#include <pvmini/multicall.h>
#include "mm/direct_map.h"

#define MAX_N 1024
#define OPS_PER_POINT 8192 /* each point repeats until this many ops */

static uint64_t pages[MAX_N][PAGE_SIZE / 8] __attribute__((aligned(4096)));
static struct mmu_update req[MAX_N];

static void pt_single(int n)
{
	for (int i = 0; i < n; i++)
		if (xen_mmu_update(&req[i], 1, NULL, DOMID_SELF))
			panic("mmu_update failed");
}

static void pt_batched(int n)
{
	mc_batch();
	for (int i = 0; i < n; i++)
		mc_mmu_update(req[i].ptr, req[i].val);
	if (mc_flush())
		panic("batched mmu_update failed");
}

static void version_single(int n)
{
	for (int i = 0; i < n; i++)
		xen_version(XENVER_version, NULL);
}

static void version_batched(int n)
{
	mc_batch();
	for (int i = 0; i < n; i++)
		mc_xen_version(XENVER_version);
	mc_flush();
}

/* Runs fn(n) until OPS_PER_POINT ops are done; returns ops per second. */
static uint64_t rate(void (*fn)(int), int n, unsigned long *traps)
{
	int reps = OPS_PER_POINT / n;
	unsigned long batches = mc_stats.batches;
	uint64_t t0 = monotonic_ns(), ns;

	for (int r = 0; r < reps; r++)
		fn(n);
	ns = monotonic_ns() - t0;
	*traps = (mc_stats.batches - batches) / reps;
	return (uint64_t)reps * n * 1000000000ULL / (ns ? ns : 1);
}

/*
 * The host is shared: QEMU may lose the CPU in the middle of a trial,
 * and guest time runs on meanwhile. So single and batched trials
 * alternate, TRIALS times, and each side keeps its best: interference
 * only ever makes a trial slower.
 */
#define TRIALS 7

static void row(const char *what, void (*single)(int), void (*batched)(int),
		int n)
{
	unsigned long traps_single, traps_batched;
	uint64_t s = 0, b = 0;

	for (int t = 0; t < TRIALS; t++) {
		uint64_t rs = rate(single, n, &traps_single);
		uint64_t rb = rate(batched, n, &traps_batched);

		s = rs > s ? rs : s;
		b = rb > b ? rb : b;
	}

	printk("%-12s %5d %12lu %12lu %6lu.%02lux %6d %6lu\n", what, n, s, b,
	       b / s, b * 100 / s % 100, n, traps_batched);
}

int main(void)
{
	static const int sizes[] = { 1, 8, 32, 128, 1024 };
	uint64_t value;

	for (int i = 0; i < MAX_N; i++) {
		if (pte_lookup((unsigned long)pages[i], &req[i].ptr, &value))
			panic("mcbench: page %d is not mapped", i);
		req[i].ptr |= MMU_NORMAL_PT_UPDATE;
		req[i].val = value;
	}
	printk("%-12s %5s %12s %12s %8s %6s %6s\n", "operation", "N",
	       "single op/s", "batched op/s", "ratio", "traps1", "trapsB");
	for (unsigned int k = 0; k < ARRAY_SIZE(sizes); k++)
		row("pt-update", pt_single, pt_batched, sizes[k]);
	for (unsigned int k = 0; k < ARRAY_SIZE(sizes); k++)
		row("xen_version", version_single, version_batched, sizes[k]);
	return 0;
}
