/*
 * stackguard - a thread that recurses without end must hit the unmapped
 * guard page below its stack and end the domain, not run on into the
 * memory below. Xen delivers a kernel-mode fault on the stack in use, so
 * it cannot write the page-fault frame there either: it crashes the
 * domain itself, and the test sees a crash with no further output.
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

int main(int argc, char **argv)
{
	struct thread *t;

	/* `main`: overflow the boot stack itself, which has a guard too. */
	if (argc == 2 && !strcmp(argv[1], "main")) {
		printk("stackguard: recursing on the boot stack\n");
		recurse(0);
		printk("stackguard: survived the recursion\n");
		return 1;
	}
	t = thread_create("overflow", overflow, NULL);

	thread_join(t);
	printk("stackguard: joined after %lu frames\n", depth);
	return 1;
}
