/*
 * io.c - file descriptors: 0, 1 and 2 are the console, nothing else
 * exists (no filesystem).
 *
 * newlib line-buffers a stream whose fstat says "character device" and
 * whose isatty is true, so stdout reaches the console line by line and
 * stderr (unbuffered by newlib) at once: printf output is never lost in
 * a buffer when the domain crashes after a complete line.
 */
#include <sys/stat.h>
#include <unistd.h>

#include <pvmini/console.h>

#include "glue.h"
#include "tty.h"

int write(int fd, const void *buf, size_t n)
{
	if (fd != 1 && fd != 2)
		return glue_fail(EBADF);
	console_write(buf, n);
	return n;
}

int read(int fd, void *buf, size_t n)
{
	if (fd != 0)
		return glue_fail(EBADF);
	return tty_read(buf, n);
}

int open(const char *path, int flags, ...)
{
	(void)path;
	(void)flags;
	return glue_fail(ENOSYS);
}

int close(int fd)
{
	/* The console stays; closing it releases nothing. */
	return is_console_fd(fd) ? 0 : glue_fail(EBADF);
}

int fstat(int fd, struct stat *st)
{
	if (!is_console_fd(fd))
		return glue_fail(EBADF);
	*st = (struct stat){ .st_mode = S_IFCHR | 0620, .st_blksize = 1024 };
	return 0;
}

int isatty(int fd)
{
	if (is_console_fd(fd))
		return 1;
	glue_fail(EBADF);
	return 0;
}

off_t lseek(int fd, off_t off, int whence)
{
	(void)off;
	(void)whence;
	/* POSIX's answer for a terminal, not ENOSYS: seeking it is an error. */
	return glue_fail(is_console_fd(fd) ? ESPIPE : EBADF);
}
