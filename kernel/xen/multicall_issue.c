/*
 * mc_issue.c - issue a batch as one __HYPERVISOR_multicall: one trap, and
 * Xen writes every entry's result back into the array.
 */
#include <pvmini/hypercall.h>
#include "kernel/xen/multicall_queue.h"

long mc_issue(multicall_entry_t *entries, unsigned int n)
{
	return xen_multicall(entries, n);
}
