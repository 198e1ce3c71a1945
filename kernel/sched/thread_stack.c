/*
 * thread_stack.c - thread stacks from the page allocator; thread.c only
 * sees these two functions.
 *
 * The lowest page of each slot is unmapped while the slot is a stack, so
 * an overflow faults instead of running into whatever lies below. Its
 * frame stays ours; on free it is mapped again before the pages go back
 * to the allocator, which must only ever hand out mapped memory.
 */
#include <pvmini/console.h>
#include <pvmini/page_alloc.h>
#include "arch/x86/pagetable.h"
#include "kernel/sched/thread_stack.h"
#include "mm/direct_map.h"
#include "mm/mm.h"

void *thread_stack_alloc(void)
{
	void *slot = alloc_pages(STACK_ORDER);
	int rc;

	if (!slot)
		return NULL;
	rc = guard_page(slot);
	if (rc) {
		printk("thread stack: cannot unmap the guard page at %p: %d\n",
		       slot, rc);
		free_pages(slot, STACK_ORDER);
		return NULL;
	}
	return slot;
}

void thread_stack_free(void *slot)
{
	unsigned long pfn = virt_to_pfn(slot);

	map_pfns(pfn, pfn + 1);
	free_pages(slot, STACK_ORDER);
}
