/*
 * multicall.c - the batcher on top of the queue (kernel/xen/multicall_queue.c).
 *
 * One trap into Xen costs far more than most of the work a single PV
 * hypercall does (a page-table entry, a version query). __HYPERVISOR_
 * multicall takes an array of (op, args[6]) entries and runs them all in
 * one trap, writing each entry's result back. How the batch is issued -
 * as one multicall, or one call at a time for debugging - is chosen by
 * the Makefile (kernel/mc_issue*.c, MULTICALL_DEBUG in config.mk).
 */
#include <pvmini/console.h>
#include <pvmini/irq.h>
#include <pvmini/multicall.h>
#include "kernel/xen/multicall_queue.h"

struct mc_stats mc_stats;
static struct mc_queue queue;
static unsigned long saved_mask;
static bool open;

static const char *op_name(unsigned long op)
{
	switch (op) {
	case __HYPERVISOR_mmu_update:
		return "mmu_update";
	case __HYPERVISOR_update_va_mapping:
		return "update_va_mapping";
	case __HYPERVISOR_xen_version:
		return "xen_version";
	case __HYPERVISOR_mmuext_op:
		return "mmuext_op";
	case __HYPERVISOR_memory_op:
		return "memory_op";
	default:
		return "?";
	}
}

static void report_failure(unsigned int index, unsigned int n,
			   const multicall_entry_t *e)
{
	printk("multicall: entry %u of %u failed: op %lu (%s) args "
	       "%#lx %#lx %#lx %#lx %#lx %#lx result %ld\n",
	       index, n, (unsigned long)e->op, op_name(e->op),
	       (unsigned long)e->args[0], (unsigned long)e->args[1],
	       (unsigned long)e->args[2], (unsigned long)e->args[3],
	       (unsigned long)e->args[4], (unsigned long)e->args[5],
	       (long)e->result);
}

static long issue_counted(multicall_entry_t *entries, unsigned int n)
{
	mc_stats.batches++;
	mc_stats.entries += n;
	return mc_issue(entries, n);
}

static int flush_queue(void)
{
	int rc = mcq_flush(&queue, issue_counted, report_failure);

	if (rc < 0)
		printk("multicall: the batch itself failed: %d\n", rc);
	return rc;
}

void mc_batch(void)
{
	if (open)
		panic("mc_batch: a batch is already open");
	saved_mask = local_irq_save();
	open = true;
}

int mc_flush(void)
{
	int rc;

	if (!open)
		panic("mc_flush without mc_batch");
	rc = flush_queue();
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
	if (!e) { /* full: issue what we have, keep the batch open */
		flush_queue();
		e = mcq_add(&queue, op, argsize, args);
		if (!e)
			panic("multicall: %zu bytes of arguments exceed a "
			      "batch (%d)",
			      argsize, MC_ARG_BYTES);
	}
	return e;
}

void mc_callback(mc_callback_fn fn, void *data)
{
	if (!mcq_add_callback(&queue, fn, data))
		panic("mc_callback: no entry queued, or too many callbacks");
}

void mc_mmu_update(uint64_t ptr, uint64_t val)
{
	struct mmu_update *req;
	multicall_entry_t *e;

	/* Append to the previous mmu_update entry: one call, many PTEs. */
	req = mcq_extend(&queue, __HYPERVISOR_mmu_update, sizeof(*req));
	if (req) {
		mcq_last(&queue)->args[1]++;
		mc_stats.mmu_merged++;
	} else {
		e = mc_entry(__HYPERVISOR_mmu_update, sizeof(*req),
			     (void **)&req);
		e->args[0] = (unsigned long)req;
		e->args[1] = 1;
		e->args[2] = 0; /* no success count wanted */
		e->args[3] = DOMID_SELF;
	}
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
	struct mmuext_op *op;
	multicall_entry_t *e =
		mc_entry(__HYPERVISOR_mmuext_op, sizeof(*op), (void **)&op);

	/* mmu_update leaves stale translations behind; this drops them. */
	memset(op, 0, sizeof(*op));
	op->cmd = MMUEXT_TLB_FLUSH_LOCAL;
	e->args[0] = (unsigned long)op;
	e->args[1] = 1;
	e->args[2] = 0;
	e->args[3] = DOMID_SELF;
}

void mc_xen_version(int cmd)
{
	multicall_entry_t *e = mc_entry(__HYPERVISOR_xen_version, 0, NULL);

	e->args[0] = cmd;
	e->args[1] = 0;
}
