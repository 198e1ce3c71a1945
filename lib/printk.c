/*
 * printk.c - the kernel's formatted output, and the trace flags that
 * decide which trace lines are printed.
 *
 * Every layer prints, so printk sits in the bottom layer and knows no
 * console: the console driver registers where the text goes
 * (printk_set_output) as soon as it has found one, early in the boot.
 * Before that there is no one to tell; the text is dropped.
 */
#include <pvmini/console.h>
#include <pvmini/trace.h>
#include "lib/printk.h"

unsigned int trace_flags;
static void (*output)(const char *s, size_t n);

void printk_set_output(void (*write)(const char *s, size_t n))
{
	output = write;
}

int vprintk(const char *fmt, va_list ap)
{
	char buf[1024];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (!output)
		return n;
	if (n >= (int)sizeof(buf)) { /* say so rather than cut silently */
		output(buf, sizeof(buf) - 1);
		output("[...]\n", 6);
	} else {
		output(buf, n);
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
