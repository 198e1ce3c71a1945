/*
 * tty.c - the console as file descriptors 0, 1 and 2: stdin through the
 * line discipline, stdout and stderr straight to the console.
 *
 * A read with nothing typed blocks the thread until the console's event
 * channel says input arrived (console_read_wait): the vCPU sleeps in Xen
 * as long as nobody types, as a program on a terminal would. poll() on
 * stdin takes what was typed so far without waiting (console_read) and
 * says whether a whole line, or end of file, is there to read.
 *
 * newlib line-buffers a stream whose fstat says "character device" and
 * whose isatty is true, so stdout reaches the console line by line and
 * stderr (unbuffered by newlib) at once: printf output is never lost in
 * a buffer when the domain crashes after a complete line.
 */
#include <poll.h>
#include <sys/stat.h>

#include <pvmini/console.h>

#include "fd.h"
#include "tty.h"
#include "tty_line.h"

static struct tty_line line;
/* ^D came in while poll() pumped keys: the next read returns 0. */
static bool eof_pending;

static void key(char c)
{
	enum tty_event ev = tty_line_key(&line, c);

	if (line.echo_len)
		console_write(line.echo, line.echo_len);
	if (ev == TTY_EOF)
		eof_pending = true;
}

static ssize_t tty_read(void *obj, void *buf, size_t n)
{
	char c;

	(void)obj;
	if (!n)
		return 0;
	for (;;) {
		size_t got = tty_line_take(&line, buf, n);

		if (got)
			return got;
		if (eof_pending) {
			eof_pending = false;
			return 0;
		}
		console_read_wait(&c, 1);
		key(c);
	}
}

static int tty_in_poll(void *obj, int events)
{
	char c;

	(void)obj;
	while (!line.ready && !eof_pending && console_read(&c, 1))
		key(c);
	return line.ready || eof_pending ? events & POLLIN : 0;
}

static ssize_t tty_write(void *obj, const void *buf, size_t n)
{
	(void)obj;
	console_write(buf, n);
	return n;
}

static int tty_out_poll(void *obj, int events)
{
	(void)obj;
	return events & POLLOUT; /* the console never refuses output */
}

static int tty_fstat(void *obj, struct stat *st)
{
	(void)obj;
	*st = (struct stat){ .st_mode = S_IFCHR | 0620, .st_blksize = 1024 };
	return 0;
}

/* No close: the console stays, closing it releases nothing. */
const struct fd_ops tty_in_ops = {
	.read = tty_read,
	.fstat = tty_fstat,
	.poll = tty_in_poll,
	.tty = true,
};

const struct fd_ops tty_out_ops = {
	.write = tty_write,
	.fstat = tty_fstat,
	.poll = tty_out_poll,
	.tty = true,
};
