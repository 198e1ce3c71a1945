/*
 * tty.c - stdin: console keystrokes through the line discipline.
 *
 * A read with nothing typed blocks the thread until the console's event
 * channel says input arrived (console_read_wait): the vCPU sleeps in Xen
 * as long as nobody types, as a program on a terminal would.
 */
#include <pvmini/console.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "tty.h"
#include "tty_line.h"

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
		console_read_wait(&c, 1);
		enum tty_event ev = tty_line_key(&line, c);

		if (line.echo_len)
			console_write(line.echo, line.echo_len);
		if (ev == TTY_EOF)
			return 0;
	}
}
