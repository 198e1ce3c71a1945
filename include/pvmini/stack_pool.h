/*
 * stack_pool.h - where thread stacks come from (kernel/stack_pool.c): a
 * slot is a guard page (unmapped) and STACK_SLOT_SIZE - 4 KiB of stack.
 */
#ifndef PVMINI_STACK_POOL_H
#define PVMINI_STACK_POOL_H

#include <arch/layout.h>

#define STACK_SLOTS 32
#define STACK_SLOT_SIZE (8 * PAGE_SIZE)
#define STACK_GUARD_SIZE PAGE_SIZE

/* A slot with its guard page unmapped, or NULL when none is left. */
void *thread_stack_alloc(void);
void thread_stack_free(void *slot);

/* Unmaps the page at va (arch/x86/guard.c); 0 or a negative Xen errno. */
int guard_page(void *va);

#endif
