/*
 * console.c - printk and the choice of console.
 *
 * dom0 owns Xen's console: HYPERVISOR_console_io writes straight to Xen's
 * serial line, synchronously. A domU may not use it (Debian's Xen answers
 * -EPERM: only a debug build lets guests write there), so a domU writes
 * into the shared console ring instead (console_ring.c), which dom0's
 * xenconsoled drains and `xl console` shows.
 */
#include <pvmini/console.h>
#include <pvmini/hypercall.h>

/* The domU ring backend, console_ring.c. */
int ring_console_init(const start_info_t *si);
void ring_console_write(const char *s, size_t n);
void ring_console_drain(void);
size_t ring_console_read(char *buf, size_t n);
const char *ring_console_describe(void);

static bool use_console_io;

int console_init(const start_info_t *si)
{
	use_console_io = si->flags & SIF_INITDOMAIN;
	return use_console_io ? 0 : ring_console_init(si);
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

int vprintk(const char *fmt, va_list ap)
{
	char buf[1024];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (n >= (int)sizeof(buf)) { /* say so rather than cut silently */
		console_write(buf, sizeof(buf) - 1);
		console_write("[...]\n", 6);
	} else {
		console_write(buf, n);
	}
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}
