/*
 * console.c - console 0: the choice between Xen's console and the ring,
 * and the first output printk gets.
 *
 * dom0 owns Xen's console: HYPERVISOR_console_io writes straight to Xen's
 * serial line, synchronously. A domU may not use it (Debian's Xen answers
 * -EPERM: only a debug build lets guests write there), so a domU writes
 * into the shared console ring instead (console_domu.c), which dom0's
 * xenconsoled drains and `xl console` shows.
 */
#include <pvmini/console.h>
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>
#include "kernel/drivers/console/console.h"
#include "kernel/xen/shutdown.h"
#include "lib/printk.h"

static bool use_console_io;

/* Text still in the ring dies with the domain: drain it at the end. */
static struct shutdown_drain drain = { .fn = console_drain };

int console_init(const start_info_t *si)
{
	int rc;

	use_console_io = si->flags & SIF_INITDOMAIN;
	rc = use_console_io ? 0 : ring_console_init(si);
	if (rc)
		return rc;
	printk_set_output(console_write);
	shutdown_drain_register(&drain);
	return 0;
}

const char *console_describe(void)
{
	return use_console_io ? "Xen's console (console_io)"
			      : ring_console_describe();
}

void console_write(const char *s, size_t n)
{
	if (!use_console_io) {
		ring_console_write(s, n);
		return;
	}
	/* console_io takes at most what fits its bounce buffer; chunk it. */
	while (n) {
		unsigned int chunk = n > 1024 ? 1024 : (unsigned int)n;

		xen_console_io(CONSOLEIO_write, chunk, s);
		s += chunk;
		n -= chunk;
	}
}

size_t console_read(char *buf, size_t n)
{
	long rc;

	if (!use_console_io)
		return ring_console_read(buf, n);
	/* Xen hands dom0 what its serial line has buffered, never blocks. */
	rc = xen_console_io(CONSOLEIO_read, n > 1024 ? 1024 : n, buf);
	return rc > 0 ? (size_t)rc : 0;
}

void console_drain(void)
{
	if (!use_console_io)
		ring_console_drain();
}

void console_suspend(void)
{
	/* What the backend has not taken yet would go with the old
	 * domain's xenconsoled, or wait in the ring for the new one. */
	console_drain();
}

void console_resume(bool new_domain)
{
	if (use_console_io || !new_domain)
		return;
	ring_console_resume(start_info);
	console_input_resume();
}
