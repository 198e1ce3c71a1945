/*
 * io.c - the POSIX calls on file descriptors, dispatched through the fd
 * table (fd.c) to whatever the fd is: the console (tty.c), a channel
 * (channel.c), a disk (blk.c), a socket (lib/lwip/). There is no
 * filesystem: open() knows channel and disk paths only.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "blk.h"
#include "channel.h"
#include "fd.h"
#include "glue.h"

/* A call's result: n, or -1 with errno for -errno. */
static int result(long r)
{
	return r < 0 ? glue_fail(-r) : (int)r;
}

int write(int fd, const void *buf, size_t n)
{
	struct fd_slot *f = fd_lookup(fd);

	if (!f || !f->ops->write)
		return glue_fail(EBADF);
	return result(f->ops->write(f->obj, buf, n));
}

int read(int fd, void *buf, size_t n)
{
	struct fd_slot *f = fd_lookup(fd);

	if (!f || !f->ops->read)
		return glue_fail(EBADF);
	return result(f->ops->read(f->obj, buf, n));
}

int open(const char *path, int flags, ...)
{
	/* A channel is read-write whatever is asked. */
	if (chan_path(path))
		return chan_open(path);
	return blk_path(path) ? blk_open(path, flags) : glue_fail(ENOSYS);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	struct fd_slot *f = fd_lookup(fd);

	if (!f)
		return glue_fail(EBADF);
	if (!f->ops->pread)
		return glue_fail(ESPIPE);
	return result(f->ops->pread(f->obj, buf, n, off));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	struct fd_slot *f = fd_lookup(fd);

	if (!f)
		return glue_fail(EBADF);
	if (!f->ops->pwrite)
		return glue_fail(ESPIPE);
	return result(f->ops->pwrite(f->obj, buf, n, off));
}

int fsync(int fd)
{
	struct fd_slot *f = fd_lookup(fd);

	if (!f)
		return glue_fail(EBADF);
	if (!f->ops->fsync)
		return glue_fail(EINVAL);
	return result(f->ops->fsync(f->obj));
}

int close(int fd)
{
	struct fd_slot *f = fd_lookup(fd);
	struct fd_slot was;

	if (!f)
		return glue_fail(EBADF);
	if (!f->ops->close)
		return 0;
	/* The fd is free at once; a thread still blocked on the object
	 * returns as the object's close arranges. */
	was = *f;
	fd_unreserve(fd);
	return result(was.ops->close(was.obj));
}

int fstat(int fd, struct stat *st)
{
	struct fd_slot *f = fd_lookup(fd);

	if (!f)
		return glue_fail(EBADF);
	return result(f->ops->fstat(f->obj, st));
}

int isatty(int fd)
{
	struct fd_slot *f = fd_lookup(fd);

	if (f && f->ops->tty)
		return 1;
	glue_fail(f ? ENOTTY : EBADF);
	return 0;
}

off_t lseek(int fd, off_t off, int whence)
{
	struct fd_slot *f = fd_lookup(fd);

	if (!f)
		return glue_fail(EBADF);
	/* POSIX's answer for a terminal, a pipe or a socket, not ENOSYS:
	 * seeking it is an error. */
	if (!f->ops->lseek)
		return glue_fail(ESPIPE);
	return result(f->ops->lseek(f->obj, off, whence));
}

/* F_GETFL/F_SETFL (O_NONBLOCK); F_GETFD/F_SETFD have no exec to act on. */
int fcntl(int fd, int cmd, ...)
{
	struct fd_slot *f = fd_lookup(fd);
	bool nonblock;
	va_list ap;
	int arg, rc;

	if (!f)
		return glue_fail(EBADF);
	va_start(ap, cmd);
	arg = cmd == F_SETFL || cmd == F_SETFD ? va_arg(ap, int) : 0;
	va_end(ap);
	switch (cmd) {
	case F_GETFL:
		return O_RDWR | (f->nonblock ? O_NONBLOCK : 0);
	case F_SETFL:
		nonblock = arg & O_NONBLOCK;
		if (nonblock == f->nonblock)
			return 0;
		if (!f->ops->set_nonblock)
			return glue_fail(EINVAL);
		rc = f->ops->set_nonblock(f->obj, nonblock);
		if (rc < 0)
			return glue_fail(-rc);
		f->nonblock = nonblock;
		return 0;
	case F_GETFD:
	case F_SETFD:
		return 0;
	default:
		return glue_fail(EINVAL);
	}
}
