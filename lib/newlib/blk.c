/*
 * blk.c - the domain's disks as files, over <pvmini/blkdev.h>:
 *   open("/dev/xvda", O_RDWR)    the disk the cfg's disk= line named
 *                                vdev=xvda (O_RDONLY for access=ro)
 * read, write, pread, pwrite, lseek, fsync and fstat (st_size: the
 * disk's size, st_blksize: its sector size) work on it; close
 * disconnects it.
 *
 * There is no copy in between, as with Linux's O_DIRECT: offsets,
 * sizes and buffer addresses must be multiples of the sector size
 * (posix_memalign gives such buffers), else EINVAL at the call. At the
 * end of the disk a read returns 0 and a write fails with ENOSPC; one
 * that runs past the end is shortened to it, as for a block device on
 * Linux. Writing to a read-only disk is EROFS (at open, for O_RDWR or
 * O_WRONLY), writing through an O_RDONLY fd EBADF.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pvmini/blkdev.h>

#include "blk.h"
#include "fd.h"
#include "glue.h"

/* The most one call moves: read() and write() return an int. */
#define MAX_IO 0x40000000L

struct blkfile {
	struct blkdev *d;
	struct blkdev_info info;
	off_t pos;
	bool writable;
};

static const struct fd_ops blk_ops;

int blk_path(const char *path)
{
	return !strncmp(path, "/dev/", 5) && path[5] && !strchr(path + 5, '/');
}

int blk_open(const char *path, int flags)
{
	struct blkfile *f = calloc(1, sizeof(*f));
	int fd, rc, mode = flags & O_ACCMODE;

	if (!f)
		return glue_fail(ENOMEM);
	fd = fd_reserve();
	if (fd < 0) {
		free(f);
		return glue_fail(-fd);
	}
	rc = blkdev_open(path + 5, &f->d);
	if (rc) {
		fd_unreserve(fd);
		free(f);
		return glue_fail(glue_errno(rc));
	}
	blkdev_get_info(f->d, &f->info);
	f->writable = mode != O_RDONLY;
	if (f->writable && f->info.readonly) {
		blkdev_close(f->d);
		fd_unreserve(fd);
		free(f);
		return glue_fail(EROFS);
	}
	fd_install(fd, &blk_ops, f);
	return fd;
}

static off_t disk_bytes(const struct blkfile *f)
{
	return (off_t)(f->info.sectors * f->info.sector_size);
}

/* -EINVAL unless off, n and buf are whole sectors; then n, shortened to
 * the disk's end and MAX_IO (0 at or past the end). */
static ssize_t span(const struct blkfile *f, const void *buf, size_t n,
		    off_t off)
{
	size_t ss = f->info.sector_size;
	off_t end = disk_bytes(f);

	if (off < 0 || off % ss || n % ss || (uintptr_t)buf % ss)
		return -EINVAL;
	if (off >= end)
		return 0;
	if ((off_t)n > end - off)
		n = (size_t)(end - off);
	if ((long)n > MAX_IO)
		n = MAX_IO;
	return (ssize_t)n;
}

static ssize_t blk_pread(void *obj, void *buf, size_t n, off_t off)
{
	struct blkfile *f = obj;
	ssize_t len = span(f, buf, n, off);
	int rc;

	if (len <= 0)
		return len;
	rc = blkdev_read(f->d, (uint64_t)off / f->info.sector_size,
			 (uint64_t)len / f->info.sector_size, buf);
	return rc ? -glue_errno(rc) : len;
}

static ssize_t blk_pwrite(void *obj, const void *buf, size_t n, off_t off)
{
	struct blkfile *f = obj;
	ssize_t len;
	int rc;

	if (!f->writable)
		return -EBADF;
	len = span(f, buf, n, off);
	if (len < 0 || !n)
		return len;
	if (!len) /* at the end: no room left */
		return -ENOSPC;
	rc = blkdev_write(f->d, (uint64_t)off / f->info.sector_size,
			  (uint64_t)len / f->info.sector_size, buf);
	return rc ? -glue_errno(rc) : len;
}

static ssize_t blk_read(void *obj, void *buf, size_t n)
{
	struct blkfile *f = obj;
	ssize_t got = blk_pread(f, buf, n, f->pos);

	if (got > 0)
		f->pos += got;
	return got;
}

static ssize_t blk_write(void *obj, const void *buf, size_t n)
{
	struct blkfile *f = obj;
	ssize_t put = blk_pwrite(f, buf, n, f->pos);

	if (put > 0)
		f->pos += put;
	return put;
}

static off_t blk_lseek(void *obj, off_t off, int whence)
{
	struct blkfile *f = obj;
	off_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = f->pos;
		break;
	case SEEK_END:
		base = disk_bytes(f);
		break;
	default:
		return -EINVAL;
	}
	if ((off < 0 && base + off < 0) ||
	    (off > 0 && base > (off_t)(~0ULL >> 1) - off))
		return -EINVAL;
	f->pos = base + off;
	return f->pos;
}

static int blk_fsync(void *obj)
{
	struct blkfile *f = obj;
	int rc = blkdev_flush(f->d);

	return rc ? -glue_errno(rc) : 0;
}

static int blk_fstat(void *obj, struct stat *st)
{
	struct blkfile *f = obj;

	*st = (struct stat){
		.st_mode = S_IFBLK | (f->info.readonly ? 0400 : 0600),
		.st_size = disk_bytes(f),
		.st_blksize = (blksize_t)f->info.sector_size,
		.st_blocks = (blkcnt_t)(disk_bytes(f) / 512),
	};
	return 0;
}

static int blk_close(void *obj)
{
	struct blkfile *f = obj;
	int rc = blkdev_close(f->d);

	free(f);
	return rc ? -glue_errno(rc) : 0;
}

static const struct fd_ops blk_ops = {
	.read = blk_read,
	.write = blk_write,
	.pread = blk_pread,
	.pwrite = blk_pwrite,
	.close = blk_close,
	.fstat = blk_fstat,
	.lseek = blk_lseek,
	.fsync = blk_fsync,
};
