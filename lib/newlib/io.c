/*
 * io.c - file descriptors: 0, 1 and 2 are the console; 3 and up are
 * channels, opened by name (channel.c). There is no filesystem.
 *
 * newlib line-buffers a stream whose fstat says "character device" and
 * whose isatty is true, so stdout reaches the console line by line and
 * stderr (unbuffered by newlib) at once: printf output is never lost in
 * a buffer when the domain crashes after a complete line.
 */
#include <sys/stat.h>
#include <unistd.h>

#include <pvmini/console.h>

#include "channel.h"
#include "glue.h"
#include "tty.h"

int write(int fd, const void *buf, size_t n)
{
	if (chan_is_fd(fd))
		return chan_write(fd, buf, n);
	if (fd != 1 && fd != 2)
		return glue_fail(EBADF);
	console_write(buf, n);
	return n;
}

int read(int fd, void *buf, size_t n)
{
	if (chan_is_fd(fd))
		return chan_read(fd, buf, n);
	if (fd != 0)
		return glue_fail(EBADF);
	return tty_read(buf, n);
}

int open(const char *path, int flags, ...)
{
	(void)flags; /* a channel is read-write whatever is asked */
	return chan_path(path) ? chan_open(path) : glue_fail(ENOSYS);
}

int close(int fd)
{
	if (chan_is_fd(fd))
		return chan_close(fd);
	/* The console stays; closing it releases nothing. */
	return is_console_fd(fd) ? 0 : glue_fail(EBADF);
}

int fstat(int fd, struct stat *st)
{
	if (chan_is_fd(fd)) { /* a pipe-like device, not a terminal */
		*st = (struct stat){ .st_mode = S_IFCHR | 0600,
				     .st_blksize = 1024 };
		return 0;
	}
	if (!is_console_fd(fd))
		return glue_fail(EBADF);
	*st = (struct stat){ .st_mode = S_IFCHR | 0620, .st_blksize = 1024 };
	return 0;
}

int isatty(int fd)
{
	if (is_console_fd(fd))
		return 1;
	glue_fail(chan_is_fd(fd) ? ENOTTY : EBADF);
	return 0;
}

off_t lseek(int fd, off_t off, int whence)
{
	(void)off;
	(void)whence;
	/* POSIX's answer for a terminal, not ENOSYS: seeking it is an error. */
	return glue_fail(is_console_fd(fd) || chan_is_fd(fd) ? ESPIPE : EBADF);
}
