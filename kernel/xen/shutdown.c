/*
 * shutdown.c - how a pvmini domain ends: SCHEDOP_shutdown with a reason
 * that xl acts on (on_poweroff / on_reboot / on_crash in the cfg).
 */
#include <arch/cpu.h>
#include <pvmini/console.h>
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>
#include "arch/x86/backtrace.h"
#include "kernel/xen/shutdown.h"

static struct shutdown_drain *drains;

void shutdown_drain_register(struct shutdown_drain *d)
{
	if (d->next || drains == d)
		return; /* already registered */
	d->next = drains;
	drains = d;
}

__noreturn void shutdown(unsigned int reason)
{
	struct sched_shutdown op = { .reason = reason };

	/* Text still in a ring is lost once the domain is gone. */
	for (struct shutdown_drain *d = drains; d; d = d->next)
		d->fn();
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

	if (in_panic) /* panic while panicking: don't loop, just stop */
		shutdown(SHUTDOWN_crash);
	in_panic = true;

	printk("panic: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	backtrace_print(0, 0, (uint64_t)current_frame());
	shutdown(SHUTDOWN_crash);
}
