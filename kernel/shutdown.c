/*
 * shutdown.c - how a pvmini domain ends: SCHEDOP_shutdown with a reason
 * that xl acts on (on_poweroff / on_reboot / on_crash in the cfg).
 */
#include <arch/cpu.h>
#include <pvmini/backtrace.h>
#include <pvmini/console.h>
#include <pvmini/console_dev.h>
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>

__noreturn void shutdown(unsigned int reason)
{
	struct sched_shutdown op = { .reason = reason };

	/* Text still in a ring is lost once the domain is gone. */
	console_dev_drain_all();
	console_drain();
	for (;;) {
		xen_sched_op(SCHEDOP_shutdown, &op);
		/* Xen refused: nothing else ends a domain. Be a crash. */
		op.reason = SHUTDOWN_crash;
		xen_sched_op(SCHEDOP_yield, NULL);
	}
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
