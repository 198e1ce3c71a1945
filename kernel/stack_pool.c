/*
 * stack_pool.c - thread stacks from a fixed pool in .bss, until a page
 * allocator exists; thread.c only sees these two functions.
 *
 * Each slot is a guard page followed by the stack. The guard is unmapped
 * the first time its slot is handed out and stays unmapped: a slot is
 * only ever reused as a stack again.
 */
#include <arch/layout.h>
#include <pvmini/console.h>
#include <pvmini/irq.h>
#include <pvmini/stack_pool.h>

static char pool[STACK_SLOTS][STACK_SLOT_SIZE]
	__attribute__((aligned(PAGE_SIZE)));
static bool used[STACK_SLOTS], guarded[STACK_SLOTS];

void *thread_stack_alloc(void)
{
	unsigned long flags = local_irq_save();
	void *slot = NULL;

	for (unsigned int i = 0; i < STACK_SLOTS && !slot; i++) {
		if (used[i])
			continue;
		if (!guarded[i]) {
			int rc = guard_page(pool[i]);

			if (rc) {
				printk("thread stack: cannot unmap the guard "
				       "page at %p: %d\n",
				       pool[i], rc);
				break;
			}
			guarded[i] = true;
		}
		used[i] = true;
		slot = pool[i];
	}
	local_irq_restore(flags);
	return slot;
}

void thread_stack_free(void *slot)
{
	uintptr_t i = ((uintptr_t)slot - (uintptr_t)pool) / STACK_SLOT_SIZE;

	if (i >= STACK_SLOTS || slot != pool[i] || !used[i])
		panic("thread_stack_free(%p): not a stack in use", slot);
	used[i] = false;
}
