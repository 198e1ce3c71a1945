/*
 * stack_limit.c - the report of a stack overflow that the split-stack
 * check caught (arch/x86/stack_limit.S calls it on the emergency stack).
 */
#include <pvmini/console.h>
#include <pvmini/hypercall.h>
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include "arch/x86/backtrace.h"
#include "arch/x86/stack_limit.h"
#include "lib/ksyms.h"

static const char *(*thread_name)(void);

void stack_limit_set_thread_name(const char *(*current_name)(void))
{
	thread_name = current_name;
}

__noreturn void stack_overflow(const uint64_t *at, uint64_t need, uint64_t fp,
			       uint64_t limit, bool in_frame)
{
	uint64_t off = 0, fn = at[0];
	const char *name = thread_name ? thread_name() : "boot";

	/* No handler may run on this stack, nor during the report. */
	local_irq_disable();
	/* A function whose frame did not fit has none yet: start the chain
	 * at its first instruction, where its return address is on top. */
	if (!in_frame && ksym_lookup(&kernel_ksym_table, fn, &off))
		fn -= off;
	printk("\n*** stack overflow in thread %s: %s of %lu bytes at sp %lx, "
	       "limit %lx\n",
	       name ? name : "?", in_frame ? "an array" : "a frame", need,
	       (uint64_t)(at + 1), limit);
	backtrace_print(fn, (uint64_t)(at + 1), fp);
	domain_shutdown(SHUTDOWN_crash);
}

__attribute__((no_split_stack)) __noreturn void stack_overflow_again(void)
{
	struct sched_shutdown op = { .reason = SHUTDOWN_crash };

	for (;;)
		xen_sched_op(SCHEDOP_shutdown, &op);
}
