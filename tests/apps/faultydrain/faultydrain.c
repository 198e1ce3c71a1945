/*
 * faultydrain - a shutdown drain that fails. Drains (kernel/xen/shutdown.h)
 * run when the domain ends, to push out what would die with it; if one
 * faults or panics, that fatal path ends the domain too, and must not run
 * the drains again - the faulty one would fail again, for ever (each
 * round a little deeper on the stack). Each drain runs at most once: the
 * nested end skips the one that failed and still runs the others (the
 * console's, which pushes this report out).
 *
 * `faultydrain` faults in its drain; `faultydrain -- panic` panics in it.
 */
#include <pvmini.h>
#include "kernel/xen/shutdown.h"

static int *volatile nowhere;
static bool use_panic;
static unsigned long runs;

static void bad_drain(void)
{
	runs++;
	printk("faultydrain: drain run %lu\n", runs);
	if (use_panic)
		panic("faultydrain: the drain gives up (run %lu)", runs);
	*nowhere = 1;
}

static struct shutdown_drain drain = { .fn = bad_drain };

int main(int argc, char **argv)
{
	use_panic = argc == 2 && !strcmp(argv[1], "panic");
	shutdown_drain_register(&drain);
	printk("faultydrain: a drain that %s is registered; ending\n",
	       use_panic ? "panics" : "faults");
	return 3;
}
