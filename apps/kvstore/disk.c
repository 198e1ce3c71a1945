/*
 * disk.c - the log's I/O on /dev/<name> (lib/newlib/blk.c): pread,
 * pwrite and fsync, which is blkfront's flush - what makes an append
 * stable before kvstore acknowledges it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kvstore.h"

static int disk_fd = -1;

int disk_open(const char *name, uint64_t *bytes, uint32_t *sector)
{
	char path[32];
	struct stat st;

	snprintf(path, sizeof(path), "/dev/%s", name);
	disk_fd = open(path, O_RDWR);
	if (disk_fd < 0)
		return errno;
	if (fstat(disk_fd, &st)) {
		close(disk_fd);
		return errno;
	}
	*bytes = (uint64_t)st.st_size;
	*sector = (uint32_t)st.st_blksize;
	return 0;
}

static int disk_read(void *ctx, uint64_t off, void *buf, size_t len)
{
	ssize_t n = pread(disk_fd, buf, len, (off_t)off);

	(void)ctx;
	return n == (ssize_t)len ? 0 : n < 0 ? -errno : -EIO;
}

static int disk_write(void *ctx, uint64_t off, const void *buf, size_t len)
{
	ssize_t n = pwrite(disk_fd, buf, len, (off_t)off);

	(void)ctx;
	return n == (ssize_t)len ? 0 : n < 0 ? -errno : -EIO;
}

static int disk_flush(void *ctx)
{
	(void)ctx;
	return fsync(disk_fd) ? -errno : 0;
}

const struct kvlog_io disk_io = { NULL, disk_read, disk_write, disk_flush };

int disk_sync(void)
{
	return fsync(disk_fd) ? errno : 0;
}
