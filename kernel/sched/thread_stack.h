/*
 * thread_stack.h - where thread stacks come from (kernel/sched/thread_stack.c):
 * a slot is 2^STACK_ORDER pages from the page allocator, the lowest one
 * unmapped as a guard and the rest stack.
 */
#ifndef KERNEL_SCHED_THREAD_STACK_H
#define KERNEL_SCHED_THREAD_STACK_H

#include <arch/layout.h>

#define STACK_ORDER 3
#define STACK_SLOT_SIZE (PAGE_SIZE << STACK_ORDER)
#define STACK_GUARD_SIZE PAGE_SIZE

/* A slot with its guard page unmapped, or NULL when memory is short. */
void *thread_stack_alloc(void);
void thread_stack_free(void *slot);

#endif
