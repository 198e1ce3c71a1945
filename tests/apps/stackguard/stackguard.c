/*
 * stackguard - a thread that recurses without end must be stopped before
 * its stack runs out, with a report, not run on into the memory below.
 * The guard page below the stack cannot be what reports it: Xen delivers
 * a kernel-mode fault on the stack in use, cannot write the page-fault
 * frame on an overflowed one, and crashes the domain without a word. The
 * split-stack check every function makes (arch/x86/stack_limit.h) stops
 * it a page above the guard: "stack overflow in thread NAME", the calls.
 */
#include <pvmini.h>
#include "kernel/sched/thread_stack.h"

static volatile unsigned long depth, limit = ~0UL;

__attribute__((noinline)) static unsigned long recurse(unsigned long n)
{
	volatile char pad[256];

	pad[0] = (char)n;
	depth = n;
	/* limit is never reached; it keeps the recursion finite to gcc. */
	if (n == limit)
		return 0;
	return recurse(n + 1) + pad[0];
}

static void overflow(void *arg)
{
	(void)arg;
	printk("stackguard: recursing on a %d KiB stack\n",
	       (STACK_SLOT_SIZE - STACK_GUARD_SIZE) / 1024);
	recurse(0);
	printk("stackguard: survived the recursion\n");
}

/* `vla`: each level takes a variable-length array; the one that does not
 * fit is caught by the check gcc makes for the array itself. */
static volatile unsigned int vla_size = 1000;

__attribute__((noinline)) static unsigned long recurse_vla(unsigned long n)
{
	volatile char buf[vla_size];

	buf[0] = (char)n;
	depth = n;
	if (n == limit)
		return 0;
	return recurse_vla(n + 1) + buf[0];
}

/* `handler`: the recursion in a timer callback, inside the event upcall,
 * on the main thread's stack. */
static void recurse_in_handler(struct timer *t)
{
	(void)t;
	printk("stackguard: recursing in a timer callback\n");
	recurse(0);
}

int main(int argc, char **argv)
{
	struct thread *t;
	static struct timer timer;

	/* `main`: overflow the boot stack itself, which has a guard too. */
	if (argc == 2 && !strcmp(argv[1], "main")) {
		printk("stackguard: recursing on the boot stack\n");
		recurse(0);
		printk("stackguard: survived the recursion\n");
		return 1;
	}
	if (argc == 2 && !strcmp(argv[1], "vla")) {
		printk("stackguard: recursing with variable-length arrays\n");
		recurse_vla(0);
		printk("stackguard: survived the recursion\n");
		return 1;
	}
	if (argc == 2 && !strcmp(argv[1], "handler")) {
		timer_arm(&timer, monotonic_ns(), recurse_in_handler, NULL);
		thread_sleep_ns(NSEC_PER_SEC);
		printk("stackguard: survived the recursion\n");
		return 1;
	}
	t = thread_create("overflow", overflow, NULL);

	thread_join(t);
	printk("stackguard: joined after %lu frames\n", depth);
	return 1;
}
