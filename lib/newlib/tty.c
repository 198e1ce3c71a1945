/*
 * tty.c - stdin: console keystrokes through the line discipline.
 *
 * console_read() never waits, so a read that finds nothing sleeps for a
 * short step (the thread sleeps on a Xen one-shot timer; the vCPU blocks
 * in Xen) and looks again. Reading stdin with nobody typing therefore
 * waits as long as a program on a terminal would, without spinning.
 */
#include <pvmini/console.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "tty.h"
#include "tty_line.h"

#define INPUT_POLL_NS (10 * NSEC_PER_MSEC)

static struct tty_line line;

int tty_read(char *buf, size_t n)
{
	char c;

	if (!n)
		return 0;
	for (;;) {
		size_t got = tty_line_take(&line, buf, n);

		if (got)
			return got;
		if (!console_read(&c, 1)) {
			thread_sleep_ns(INPUT_POLL_NS);
			continue;
		}
		enum tty_event ev = tty_line_key(&line, c);

		if (line.echo_len)
			console_write(line.echo, line.echo_len);
		if (ev == TTY_EOF)
			return 0;
	}
}
