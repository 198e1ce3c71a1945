/*
 * thread_stack.h - where thread stacks come from (kernel/thread_stack.c):
 * a slot is 2^STACK_ORDER pages from the page allocator, the lowest one
 * unmapped as a guard and the rest stack.
 */
#ifndef PVMINI_THREAD_STACK_H
#define PVMINI_THREAD_STACK_H

#include <arch/layout.h>

#define STACK_ORDER 3
#define STACK_SLOT_SIZE (PAGE_SIZE << STACK_ORDER)
#define STACK_GUARD_SIZE PAGE_SIZE

/* A slot with its guard page unmapped, or NULL when memory is short. */
void *thread_stack_alloc(void);
void thread_stack_free(void *slot);

/* Unmaps the page at va (arch/x86/guard.c); 0 or a negative Xen errno. */
int guard_page(void *va);

#endif
