/*
 * mc_issue_debug.c - MULTICALL_DEBUG=y: issue each queued call on its own,
 * in order, and print each one, so a failing call is seen with its
 * position in the batch and before the calls after it run. Much slower;
 * results are stored exactly as a multicall would store them.
 */
#include <pvmini/console.h>
#include <pvmini/hypercall.h>
#include "kernel/xen/multicall_queue.h"

long mc_issue(multicall_entry_t *entries, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		multicall_entry_t *e = &entries[i];

		e->result = xen_hypercall_by_number(e->op, e->args);
		printk("multicall-debug: %u/%u op %lu -> %ld\n", i, n,
		       (unsigned long)e->op, (long)e->result);
	}
	return 0;
}
