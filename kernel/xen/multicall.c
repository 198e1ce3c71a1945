/*
 * multicall.c - the batcher the kernel uses, on top of the queue
 * (kernel/xen/multicall_queue.c, pure, where the batch logic and its
 * host tests live). This file adds what needs the running kernel: the
 * event mask around a batch, the hypercall, the counters and printk.
 *
 * One trap into Xen costs far more than most of the work a single PV
 * hypercall does (a page-table entry, a version query). __HYPERVISOR_
 * multicall takes an array of (op, args[6]) entries and runs them all in
 * one trap, writing each entry's result back. How the batch is issued -
 * as one multicall, or one call at a time for debugging - is chosen by
 * the Makefile (kernel/xen/multicall_issue*.c, MULTICALL_DEBUG in
 * config.mk).
 */
#include <pvmini/console.h>
#include <pvmini/irq.h>
#include <pvmini/multicall.h>
#include "kernel/xen/multicall_queue.h"

struct mc_stats mc_stats;
static struct mc_queue queue;
static unsigned long saved_mask;
static bool open;

static void report_failure(const struct mc_failure *f)
{
	char line[320];

	mc_describe(line, sizeof(line), f);
	printk("%s\n", line);
}

static long issue_counted(multicall_entry_t *entries, unsigned int n)
{
	mc_stats.batches++;
	mc_stats.entries += n;
	return mc_issue(entries, n);
}

void mc_batch(void)
{
	if (open)
		panic("mc_batch: a batch is already open");
	saved_mask = local_irq_save();
	open = true;
	mcq_init(&queue, issue_counted, report_failure);
}

int mc_flush(void)
{
	int rc;

	if (!open)
		panic("mc_flush without mc_batch");
	rc = mcq_flush(&queue);
	open = false;
	local_irq_restore(saved_mask);
	return rc;
}

multicall_entry_t *mc_entry(unsigned long op, size_t argsize, void **args)
{
	multicall_entry_t *e;

	if (!open)
		panic("mc_entry outside mc_batch/mc_flush");
	e = mcq_add(&queue, op, argsize, args);
	if (!e)
		panic("multicall: %zu bytes of arguments exceed a batch (%d)",
		      argsize, MC_ARG_BYTES);
	return e;
}

void mc_callback(mc_callback_fn fn, void *data)
{
	if (!mcq_add_callback(&queue, fn, data))
		panic("mc_callback: no entry queued, or too many callbacks");
}

/* Requests for the same call merge into one entry: one call, many PTEs. */
static void *array_request(unsigned long op, size_t size)
{
	void *req;

	if (!open)
		panic("multicall: a request outside mc_batch/mc_flush");
	req = mcq_add_array(&queue, op, size, DOMID_SELF);
	if (queue.array[queue.n - 1].count > 1)
		mc_stats.mmu_merged++;
	return req;
}

void mc_mmu_update(uint64_t ptr, uint64_t val)
{
	struct mmu_update *req =
		array_request(__HYPERVISOR_mmu_update, sizeof(*req));

	req->ptr = ptr;
	req->val = val;
}

void mc_update_va_mapping(unsigned long va, uint64_t pte, unsigned long flags)
{
	multicall_entry_t *e =
		mc_entry(__HYPERVISOR_update_va_mapping, 0, NULL);

	e->args[0] = va;
	e->args[1] = pte;
	e->args[2] = flags;
}

void mc_tlb_flush_local(void)
{
	struct mmuext_op *op =
		array_request(__HYPERVISOR_mmuext_op, sizeof(*op));

	/* mmu_update leaves stale translations behind; this drops them. */
	memset(op, 0, sizeof(*op));
	op->cmd = MMUEXT_TLB_FLUSH_LOCAL;
}

void mc_xen_version(int cmd)
{
	multicall_entry_t *e = mc_entry(__HYPERVISOR_xen_version, 0, NULL);

	e->args[0] = cmd;
	e->args[1] = 0;
}
