/*
 * channel.c - xl's channels as file descriptors, so that C code reads
 * and writes them with read/write or stdio (fdopen, fopen):
 *   open("/dev/channel/NAME", O_RDWR)  the console device the cfg's
 *                                      channel name=NAME created
 *   open("/dev/console/N", O_RDWR)     console device N (N >= 1)
 * Each open connects the device (kernel/drivers/console/console_dev.c) and
 * close disconnects it. Such an fd is not a terminal (isatty is 0), so stdio
 * buffers it fully: fflush after a reply, or setvbuf(f, NULL, _IOLBF, 0).
 */
#include <pvmini/console_dev.h>
#include <pvmini/xenstore.h>

#include "channel.h"
#include "glue.h"

#define CHAN_FD_BASE 3
#define CHAN_FDS 16
/*
 * A slot taken by an open still under way. Opening blocks (xenstore, the
 * backend's handshake) and another thread runs meanwhile: the slot must
 * be taken before that, or a second open picks the same one.
 */
#define OPENING ((struct console_dev *)1)

static struct console_dev *chans[CHAN_FDS];

/* Xen's errno numbers are Linux's; newlib numbers some differently. */
static int posix_errno(long xen_err)
{
	switch (-xen_err) {
	case XEN_ENOENT:
		return ENOENT;
	case XEN_EBUSY:
		return EBUSY;
	case XEN_ENOMEM:
		return ENOMEM;
	case XEN_ETIMEDOUT:
		return ETIMEDOUT;
	case XEN_ENOTCONN:
		return ENOTCONN;
	case XEN_ENODEV:
		return ENODEV;
	case XEN_ENOSPC:
		return ENOSPC;
	default: /* EBADMSG, EIO and whatever else the backend did */
		return EIO;
	}
}

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
	int slot, rc;

	for (slot = 0; slot < CHAN_FDS && chans[slot]; slot++)
		;
	if (slot == CHAN_FDS)
		return glue_fail(EMFILE);
	chans[slot] = OPENING;
	if (name && *name)
		rc = console_dev_open_name(name, &c);
	else if (num && !parse_ulong(num, 0xffff, &id) && id)
		rc = console_dev_open((unsigned int)id, &c);
	else
		rc = -XEN_ENOENT;
	chans[slot] = rc ? NULL : c;
	if (rc)
		return glue_fail(posix_errno(rc));
	return CHAN_FD_BASE + slot;
}

int chan_is_fd(int fd)
{
	return fd >= CHAN_FD_BASE && fd < CHAN_FD_BASE + CHAN_FDS &&
	       chans[fd - CHAN_FD_BASE] && chans[fd - CHAN_FD_BASE] != OPENING;
}

int chan_read(int fd, void *buf, size_t n)
{
	long got = console_dev_read(chans[fd - CHAN_FD_BASE], buf, n);

	return got < 0 ? glue_fail(posix_errno(got)) : (int)got;
}

int chan_write(int fd, const void *buf, size_t n)
{
	long put = console_dev_write(chans[fd - CHAN_FD_BASE], buf, n);

	return put < 0 ? glue_fail(posix_errno(put)) : (int)put;
}

int chan_close(int fd)
{
	struct console_dev *c = chans[fd - CHAN_FD_BASE];
	int rc;

	chans[fd - CHAN_FD_BASE] = NULL;
	rc = console_dev_close(c);
	return rc ? glue_fail(posix_errno(rc)) : 0;
}
