/*
 * multicall_report.c - what a failed multicall entry, or a multicall
 * that failed as a whole, looks like in the log. Pure: formats into a
 * buffer (unit-tested on the host, tests/unit/test_mc_queue.c).
 */
#include "kernel/xen/multicall_queue.h"

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

/* "part 2, " when the batch took several multicalls. */
static int where(char *buf, size_t size, const struct mc_failure *f)
{
	return f->split ? snprintf(buf, size, "part %u, ", f->part) : 0;
}

/* The array call's request Xen stopped at, and what that means. */
static void request(char *buf, size_t size, const struct mc_failure *f)
{
	const struct mmu_update *u = f->req;

	if (f->done >= f->count) {
		snprintf(buf, size, "\nmulticall:   all %u requests done",
			 f->count);
	} else if (f->e->op == __HYPERVISOR_mmu_update) {
		snprintf(buf, size,
			 "\nmulticall:   request %u of %u failed (ptr %#llx "
			 "val %#llx): %u done, %u not done",
			 f->done, f->count, (unsigned long long)u->ptr,
			 (unsigned long long)u->val, f->done,
			 f->count - f->done - 1);
	} else {
		snprintf(buf, size,
			 "\nmulticall:   request %u of %u failed: %u done, %u "
			 "not done",
			 f->done, f->count, f->done, f->count - f->done - 1);
	}
}

void mc_describe(char *buf, size_t size, const struct mc_failure *f)
{
	const multicall_entry_t *e = f->e;
	int len = snprintf(buf, size, "multicall: ");

	if ((size_t)len < size)
		len += where(buf + len, size - len, f);
	if ((size_t)len >= size)
		return;
	switch (f->kind) {
	case MC_ENTRY_FAILED:
		len += snprintf(
			buf + len, size - len,
			"entry %u of %u failed: op %lu (%s) args %#lx "
			"%#lx %#lx %#lx %#lx %#lx result %ld",
			f->index, f->n, (unsigned long)e->op, op_name(e->op),
			(unsigned long)e->args[0], (unsigned long)e->args[1],
			(unsigned long)e->args[2], (unsigned long)e->args[3],
			(unsigned long)e->args[4], (unsigned long)e->args[5],
			f->result);
		if (f->count && (size_t)len < size)
			request(buf + len, size - len, f);
		break;
	case MC_NOT_RUN_TAIL:
		if (f->index >= f->n) {
			snprintf(buf + len, size - len,
				 "the multicall failed (%ld) after all %u "
				 "entries ran",
				 f->result, f->n);
			break;
		}
		snprintf(buf + len, size - len,
			 "the multicall failed as a whole (%ld): entries %u-%u "
			 "of %u did not run, the %u before them did",
			 f->result, f->index, f->n - 1, f->n, f->index);
		break;
	case MC_NOT_ISSUED:
		snprintf(buf + len, size - len,
			 "%u entries not issued: an earlier part failed as a "
			 "whole (%ld)",
			 f->n, f->result);
		break;
	}
}
