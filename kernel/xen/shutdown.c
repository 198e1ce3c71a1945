/*
 * shutdown.c - how a pvmini domain ends: SCHEDOP_shutdown with a reason
 * that xl acts on (on_poweroff / on_reboot / on_crash in the cfg).
 */
#include <arch/cpu.h>
#include <pvmini/console.h>
#include <pvmini/hypercall.h>
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include "arch/x86/backtrace.h"
#include "kernel/xen/shutdown.h"

static struct shutdown_drain *drains;
/* Once the end has begun: the drain to run next. */
static struct shutdown_drain *next_drain;
static bool ending;
static void (*debug_hook)(unsigned int reason);

void shutdown_drain_register(struct shutdown_drain *d)
{
	if (d->next || drains == d)
		return; /* already registered */
	d->next = drains;
	drains = d;
}

void shutdown_set_debug_hook(void (*hook)(unsigned int reason))
{
	debug_hook = hook;
}

__noreturn void domain_shutdown(unsigned int reason)
{
	struct sched_shutdown op = { .reason = reason };

	/*
	 * Text still in a ring is lost once the domain is gone: each drain
	 * pushes some out, once. A fault or a panic inside a drain ends the
	 * domain again from in there; that nested end goes on with the
	 * drains after the failed one (the console's still shows the
	 * report) and never runs it again - it would fail again, and each
	 * round would end the domain again, deeper on the stack.
	 */
	if (!ending) {
		ending = true;
		next_drain = drains;
		if (debug_hook)
			debug_hook(reason);
	}
	while (next_drain) {
		struct shutdown_drain *d = next_drain;

		next_drain = d->next;
		d->fn();
	}
	for (;;) {
		xen_sched_op(SCHEDOP_shutdown, &op);
		/* Xen refused: nothing else ends a domain. Be a crash. */
		op.reason = SHUTDOWN_crash;
		xen_sched_op(SCHEDOP_yield, NULL);
	}
}

long shutdown_suspend(unsigned long start_info_mfn)
{
	struct sched_shutdown op = { .reason = SHUTDOWN_suspend };

	/* The save code finds start_info through vCPU 0's %rdx: the third
	 * argument register, which sched_op itself does not use. */
	return arch_hypercall(__HYPERVISOR_sched_op, SCHEDOP_shutdown, &op,
			      start_info_mfn, 0, 0);
}

__noreturn void panic(const char *fmt, ...)
{
	static bool in_panic;
	va_list ap;

	/* No event handler runs during the report or the end. */
	local_irq_disable();
	if (in_panic) /* panic while panicking: don't loop, just stop */
		domain_shutdown(SHUTDOWN_crash);
	in_panic = true;

	printk("panic: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	backtrace_print(0, 0, (uint64_t)current_frame());
	domain_shutdown(SHUTDOWN_crash);
}
