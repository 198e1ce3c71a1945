/*
 * gdbtest - a program for the gdb tests (tests/boot/gdb-*.t) to debug:
 * a global to print, a function to step into, two named threads that
 * block until main lets them go; with `-- crash` a NULL read, with
 * `-- panic` a panic, and with `-- spin` a loop that only gdb ends
 * (after its Ctrl-C), then a save request it writes itself into
 * control/shutdown, as xl save does, which the stub must refuse. At the
 * end it checks that its code is read-only again: gdb's breakpoints
 * were written into it through a writable mapping
 * (kernel/debug/gdb_mem.c).
 */
#include <pvmini.h>
#include <pvmini/suspend.h>
#include <pvmini/thread.h>
#include <pvmini/xenstore.h>
#include "arch/x86/pte.h"
#include "mm/direct_map.h"

static volatile int counter; /* gdb prints it */
static int *volatile nowhere;
static struct wait_queue go = WAIT_QUEUE_INIT;
static volatile bool done;
static volatile bool spinning = true;

static void worker(void *arg)
{
	(void)arg;
	wait_event(go, done);
}

__attribute__((noinline)) static int add_up(int n)
{
	int sum = 0;

	for (int i = 1; i <= n; i++)
		sum += i;
	return sum;
}

__attribute__((noinline)) static int crash(void)
{
	return *nowhere; /* gdbtest: the NULL read */
}

/* xl save's request without xl: the stub's veto answers it at once
 * (the toolstack's 60 s wait for an answer that never comes is
 * tests/boot/save-veto-xl.t's). */
static void ask_for_save(void)
{
	int rc = xs_write(XS_TX_NONE, "control/shutdown", "suspend");

	for (int i = 0; !rc && i < 50 && !suspend_stats.refused; i++)
		thread_sleep_ns(100 * NSEC_PER_MSEC);
	if (rc)
		printk("gdbtest: FAIL writing control/shutdown: %d\n", rc);
	else if (!suspend_stats.refused)
		printk("gdbtest: FAIL a save request was not refused\n");
	else
		printk("gdbtest: save refused, running on\n");
	xs_write(XS_TX_NONE, "control/shutdown", "");
}

static void check_text_read_only(void)
{
	uint64_t maddr, pte;

	if (pte_lookup((unsigned long)add_up, &maddr, &pte))
		printk("gdbtest: FAIL add_up's page is not mapped\n");
	else if (pte & PTE_RW)
		printk("gdbtest: FAIL add_up's page is writable\n");
	else
		printk("gdbtest: code is read-only\n");
}

int main(int argc, char **argv)
{
	struct thread *a = thread_create("gdb-worker-a", worker, NULL);
	struct thread *b = thread_create("gdb-worker-b", worker, NULL);

	thread_yield();		    /* both run, and block */
	counter = add_up(argc + 9); /* 10 */
	printk("gdbtest: counter %d\n", counter);
	if (argc == 2 && !strcmp(argv[1], "crash"))
		counter = crash();
	if (argc == 2 && !strcmp(argv[1], "panic"))
		panic("gdbtest: panic as asked"); /* gdbtest: the panic */
	if (argc == 2 && !strcmp(argv[1], "spin")) {
		printk("gdbtest: spinning\n");
		while (spinning) /* gdbtest: the spin */
			counter++;
		ask_for_save();
	}
	done = true;
	wake_all(&go);
	thread_join(a);
	thread_join(b);
	check_text_read_only();
	printk("gdbtest: done\n");
	return 0;
}
