/*
 * channel.c - xl's channels as file descriptors, so that C code reads
 * and writes them with read/write or stdio (fdopen, fopen):
 *   open("/dev/channel/NAME", O_RDWR)  the console device the cfg's
 *                                      channel name=NAME created
 *   open("/dev/console/N", O_RDWR)     console device N (N >= 1)
 * Each open connects the device (kernel/drivers/console/console_dev.c) and
 * close disconnects it. Such an fd is not a terminal (isatty is 0), so stdio
 * buffers it fully: fflush after a reply, or setvbuf(f, NULL, _IOLBF, 0).
 * The fd is a slot of the fd table (fd.c), reserved before the open
 * waits for the backend.
 */
#include <sys/stat.h>

#include <pvmini/console_dev.h>

#include "channel.h"
#include "fd.h"
#include "glue.h"

static const struct fd_ops chan_ops;

static const char *after(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(path, prefix, n) ? NULL : path + n;
}

int chan_path(const char *path)
{
	return after(path, "/dev/channel/") || after(path, "/dev/console/");
}

int chan_open(const char *path)
{
	const char *name = after(path, "/dev/channel/");
	const char *num = after(path, "/dev/console/");
	struct console_dev *c;
	unsigned long id;
	int fd, rc;

	if (!(name && *name) && !(num && !parse_ulong(num, 0xffff, &id) && id))
		return glue_fail(ENOENT);
	fd = fd_reserve();
	if (fd < 0)
		return glue_fail(-fd);
	if (name && *name)
		rc = console_dev_open_name(name, &c);
	else
		rc = console_dev_open((unsigned int)id, &c);
	if (rc) {
		fd_unreserve(fd);
		return glue_fail(glue_errno(rc));
	}
	fd_install(fd, &chan_ops, c);
	return fd;
}

static ssize_t chan_read(void *c, void *buf, size_t n)
{
	long got = console_dev_read(c, buf, n);

	return got < 0 ? -glue_errno(got) : got;
}

static ssize_t chan_write(void *c, const void *buf, size_t n)
{
	long put = console_dev_write(c, buf, n);

	return put < 0 ? -glue_errno(put) : put;
}

static int chan_close(void *c)
{
	int rc = console_dev_close(c);

	return rc ? -glue_errno(rc) : 0;
}

static int chan_fstat(void *c, struct stat *st)
{
	(void)c; /* a pipe-like device, not a terminal */
	*st = (struct stat){ .st_mode = S_IFCHR | 0600, .st_blksize = 1024 };
	return 0;
}

/* Not pollable yet: console_dev has no "input waiting?" that leaves the
 * input in place. */
static const struct fd_ops chan_ops = {
	.read = chan_read,
	.write = chan_write,
	.close = chan_close,
	.fstat = chan_fstat,
};
