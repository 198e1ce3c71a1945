/*
 * main.c - the boot sequence, in the order it runs. head.S calls
 * start_kernel with the start_info page the domain builder filled in.
 * Each step prints one line under `trace=boot`; docs/boot.md walks them.
 */
#include <arch/layout.h>
#include <pvmini/console.h>
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>
#include <pvmini/trace.h>
#include "arch/x86/traps.h"
#include "kernel/boot.h"
#include "kernel/cmdline.h"
#include "kernel/debug/debug.h"
#include "kernel/drivers/console/console.h"
#include "kernel/sched/sched_internal.h"
#include "kernel/suspend.h"
#include "kernel/xen/events.h"
#include "kernel/xen/start_info.h"
#include "kernel/xenbus/xs_internal.h"
#include "mm/mm.h"

static struct cmdline cmdline;

static void trace_start_info(void)
{
	const start_info_t *si = start_info;

	trace_boot("start_info at %p: %.32s, %lu pages, flags %#x (%s)", si,
		   si->magic, si->nr_pages, si->flags,
		   is_dom0() ? "dom0" : "domU");
	trace_boot("shared_info: machine address %#lx mapped at %p "
		   "(update_va_mapping)",
		   si->shared_info, shared_info);
	trace_boot("console: %s", console_describe());
}

static void enable_writable_pagetables(void)
{
	/*
	 * With this assist Xen emulates our writes to (read-only) page-table
	 * pages instead of faulting them, the behaviour the FEATURES note
	 * advertises. Later memory code still batches real updates.
	 */
	long rc = xen_vm_assist(VMASST_CMD_enable,
				VMASST_TYPE_writable_pagetables);

	if (rc)
		panic("vm_assist(writable_pagetables) failed: %ld", rc);
	trace_boot("mm: writable page-table assist enabled (vm_assist)");
}

static void print_banner(void)
{
	long v = xen_version(XENVER_version, NULL);

	printk("pvmini %s: app '%s' on Xen %ld.%ld as %s\n", PVMINI_VERSION,
	       app_name, v >> 16, v & 0xffff, is_dom0() ? "dom0" : "domU");
}

/* How main's return value, or newlib's _exit(), ends the domain. */
__noreturn void app_exit(int rc)
{
	if (&debug_link && cmdline.debug)
		debug_link.app_exit(rc);
	if (rc == 0)
		domain_shutdown(SHUTDOWN_poweroff);
	printk("exit code %d\n", rc);
	domain_shutdown(SHUTDOWN_crash);
}

/* The app's (and libc's) constructors, as a C runtime runs them before
 * main: the linker collected them in .init_array (minios.lds). */
static void run_constructors(void)
{
	extern void (*__init_array_start[])(void), (*__init_array_end[])(void);
	unsigned int n = __init_array_end - __init_array_start;

	for (unsigned int i = 0; i < n; i++)
		__init_array_start[i]();
	if (n)
		trace_boot("app: ran %u constructor(s)", n);
}

/* debug=gdb: the stub stops the domain here, before main, for gdb. */
static void start_debugger(void)
{
	if (!&debug_link) {
		printk("debug=gdb: this image has no gdb stub; build and run "
		       "build/gdb/%s.elf (make debug APP=%s, docs/debug.md)\n",
		       app_name, app_name);
		domain_shutdown(SHUTDOWN_crash);
	}
	debug_link.start();
}

__noreturn void start_kernel(const start_info_t *si)
{
	int bad_cmdline, rc;

	start_info_init(si);
	/* No console: nothing can be said. */
	if (console_init(si))
		domain_shutdown(SHUTDOWN_crash);
	bad_cmdline =
		cmdline_parse(&cmdline, (const char *)si->cmd_line, app_name);
	trace_flags = cmdline.trace;

	print_banner();
	trace_start_info();
	if (bad_cmdline) {
		printk("command line: %s\n", cmdline.error);
		domain_shutdown(SHUTDOWN_crash);
	}
	trace_boot("cmdline: \"%.*s\" -> %d app argument(s)", CMDLINE_MAX,
		   (const char *)si->cmd_line, cmdline.argc - 1);
	traps_init();
	enable_writable_pagetables();
	memory_setup();
	/* shared_info was mapped over a .bss page before there was memory
	 * management: the RAM frame under it goes back to Xen now. */
	adopt_foreign_frame(shared_info, start_info->shared_info >> PAGE_SHIFT);
	events_init();
	timers_init();
	threads_init();
	console_input_init();
	xenstore_init();
	suspend_init();
	console_dev_trace_boot();
	if (cmdline.debug)
		start_debugger();

	run_constructors();
	trace_boot("app: calling main() of '%s' after %lu hypercalls", app_name,
		   hypercall_count);
	rc = main(cmdline.argc, cmdline.argv);
	app_exit(rc);
}
