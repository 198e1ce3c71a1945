/*
 * blktest - disks through the C library (lib/newlib/blk.c) and the
 * native API (<pvmini/blkdev.h>); tests/boot/blk*-xl.t run it.
 *
 *   blktest pattern DISK SEED   write a text pattern (every 64-byte line
 *                               names its sector and SEED) with pwrite,
 *                               fsync, read it back with read; dom0
 *                               checks the file after the guest ended
 *   blktest errors RW RO        every request refused at the call
 *   blktest copy SRC DST SECT   SRC, whole, into DST at sector SECT,
 *                               both disks open at once
 *   blktest async DISK N        N 4 KiB writes at once (the queue holds
 *                               what the ring does not), then N reads,
 *                               each completion checked by its callback
 *   blktest speed DISK MIB      sequential write, fsync and read of MIB
 *                               MiB, 1 MiB a call, over and over the
 *                               disk if it is smaller: MB/s (guest time)
 *   blktest iops DISK SECS QD [ORDER]  4 KiB random reads, QD in
 *                               flight, on a ring of 2^ORDER pages
 *   blktest seq DISK MIB SEGS ORDER  native 2 MiB requests, ring
 *                               requests of SEGS pages: MB/s
 *   blktest until-gone DISK     reads until the backend goes away
 *   blktest open-later DISK S [DIR]  opens DISK after S seconds; shows
 *                               DIR/state and DIR/ring-ref after
 *   blktest compare DISK ROUNDS the request sizes and the ring sizes
 *                               in turn, ROUNDS times: medians
 * Several commands separated by "+" run in turn. Each prints
 * "blktest: FAIL ..." for what went wrong and exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pvmini/blkdev.h>
#include <pvmini/gnttab.h>
#include <pvmini/xenstore.h>

#include "blktest.h"

int failures;

void check(int ok, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return;
	printf("blktest: FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (errno %d: %s)\n", errno, strerror(errno));
	failures++;
}

char *dev(const char *name)
{
	static char path[32];

	snprintf(path, sizeof(path), "/dev/%s", name);
	return path;
}

/* Sector s's 512 bytes: 8 lines of 63 characters and a newline. */
static void pattern(char *p, unsigned long s, const char *seed)
{
	char line[80], out[80];

	for (int l = 0; l < 8; l++) {
		snprintf(line, sizeof(line),
			 "pvmini sector %08lu line %d seed %.20s", s, l, seed);
		snprintf(out, sizeof(out), "%-63.63s\n", line);
		memcpy(p + 64 * l, out, 64);
	}
}

static int cmd_pattern(const char *disk, const char *seed)
{
	const size_t chunk = 64 * 1024;
	char *buf = memalign(4096, chunk), *got = memalign(4096, chunk);
	struct stat st;
	off_t size, at;
	int fd = open(dev(disk), O_RDWR);

	check(fd >= 3 && buf && got, "open %s", dev(disk));
	if (fd < 0)
		return 1;
	check(!fstat(fd, &st) && S_ISBLK(st.st_mode) && st.st_blksize == 512,
	      "fstat: a block device of 512-byte sectors");
	size = st.st_size;
	for (at = 0; at < size; at += (off_t)chunk) {
		size_t n =
			size - at < (off_t)chunk ? (size_t)(size - at) : chunk;

		for (size_t s = 0; s < n / 512; s++)
			pattern(buf + 512 * s, (unsigned long)(at / 512 + s),
				seed);
		check(pwrite(fd, buf, n, at) == (ssize_t)n, "pwrite at %ld",
		      (long)at);
	}
	check(!fsync(fd), "fsync");
	check(lseek(fd, 0, SEEK_SET) == 0, "lseek to 0");
	for (at = 0; at < size; at += 16384) {
		check(read(fd, got, 16384) == 16384, "read at %ld", (long)at);
		for (int s = 0; s < 32; s++) {
			pattern(buf, (unsigned long)(at / 512 + s), seed);
			check(!memcmp(buf, got + 512 * s, 512),
			      "sector %ld reads back", (long)(at / 512 + s));
		}
	}
	check(read(fd, got, 512) == 0, "a read at the end is 0");
	check(!close(fd), "close");
	printf("blktest: pattern %s: %ld bytes written, fsync, read back "
	       "equal\n",
	       seed, (long)size);
	return failures != 0;
}

static int cmd_errors(const char *rw, const char *ro)
{
	char *buf = memalign(4096, 8192);
	struct blkdev_stats before, after;
	struct blkdev_info info;
	struct blkdev *d, *dro;
	unsigned int free0;
	int fd, fdro;
	off_t size;

	errno = 0;
	check(open("/dev/xvdz", O_RDWR) == -1 && errno == ENOENT,
	      "no disk xvdz: ENOENT");
	check(open(dev(ro), O_RDWR) == -1 && errno == EROFS,
	      "%s read-write: EROFS", ro);
	check(open(dev(ro), O_WRONLY) == -1 && errno == EROFS,
	      "%s write-only: EROFS", ro);
	fdro = open(dev(ro), O_RDONLY);
	check(fdro >= 3, "%s read-only", ro);
	check(pwrite(fdro, buf, 512, 0) == -1 && errno == EBADF,
	      "pwrite on an O_RDONLY fd: EBADF");
	check(close(fdro) == 0, "close %s", ro);

	fd = open(dev(rw), O_RDWR);
	check(fd >= 3, "open %s", dev(rw));
	check(open(dev(rw), O_RDWR) == -1 && errno == EBUSY, "%s twice: EBUSY",
	      rw);
	size = lseek(fd, 0, SEEK_END);
	check(size > 4096, "lseek SEEK_END: the size");
	check(pread(fd, buf + 1, 512, 0) == -1 && errno == EINVAL,
	      "a misaligned buffer: EINVAL");
	check(pread(fd, buf, 512, 100) == -1 && errno == EINVAL,
	      "a misaligned offset: EINVAL");
	check(pwrite(fd, buf, 700, 0) == -1 && errno == EINVAL,
	      "a size not a multiple of 512: EINVAL");
	check(pread(fd, buf, 512, size) == 0, "a read at the end: 0");
	check(pread(fd, buf, 4096, size - 1024) == 1024,
	      "a read across the end is shortened");
	check(pwrite(fd, buf, 512, size) == -1 && errno == ENOSPC,
	      "a write at the end: ENOSPC");
	check(pwrite(fd, buf, 2048, size - 512) == 512,
	      "a write across the end is shortened");
	check(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL,
	      "lseek before 0: EINVAL");
	check(close(fd) == 0, "close %s", rw);

	/* The same refusals through the native API, before the backend
	 * sees anything: its request counts do not move. */
	check(!blkdev_open(rw, &d) && !blkdev_open(ro, &dro), "blkdev_open");
	free0 = gnttab_free();
	blkdev_get_info(d, &info);
	blkdev_get_stats(d, &before);
	check(blkdev_read(d, info.sectors - 1, 2, buf) == -XEN_ERANGE,
	      "blkdev_read across the end: ERANGE");
	check(blkdev_read(d, info.sectors, 1, buf) == -XEN_ERANGE,
	      "blkdev_read past the end: ERANGE");
	check(blkdev_read(d, ~0ULL, 2, buf) == -XEN_ERANGE,
	      "blkdev_read at 2^64 - 1: ERANGE");
	check(blkdev_read(d, 0, 0, buf) == -XEN_EINVAL,
	      "blkdev_read of 0 sectors: EINVAL");
	check(blkdev_write(d, 0, 1, buf + 256) == -XEN_EINVAL,
	      "blkdev_write from a misaligned buffer: EINVAL");
	check(blkdev_write(dro, 0, 1, buf) == -XEN_EROFS,
	      "blkdev_write to %s: EROFS", ro);
	blkdev_get_stats(d, &after);
	check(!memcmp(&before, &after, sizeof(before)),
	      "refused requests reached the backend");
	check(blkdev_read(d, info.sectors - 1, 1, buf) == 0,
	      "the last sector reads");
	check(gnttab_free() == free0, "grants: %u free after, %u before",
	      gnttab_free(), free0);
	check(!blkdev_close(d) && !blkdev_close(dro), "blkdev_close");
	check(gnttab_free() == free0 + 2, "grants: %u free after the close",
	      gnttab_free());
	printf("blktest: errors: every refusal at the call, nothing sent\n");
	return failures != 0;
}

static int cmd_copy(const char *src, const char *dst, const char *sect)
{
	int in = open(dev(src), O_RDONLY), out = open(dev(dst), O_RDWR);
	off_t at = (off_t)strtoul(sect, NULL, 0) * 512, n;
	struct stat st;
	char *buf;

	check(in >= 3 && out >= 3, "open %s and %s", src, dst);
	if (in < 0 || out < 0 || fstat(in, &st))
		return 1;
	buf = memalign(512, (size_t)st.st_size);
	n = read(in, buf, (size_t)st.st_size);
	check(n == st.st_size, "read all of %s", src);
	check(pwrite(out, buf, (size_t)n, at) == n, "pwrite to %s", dst);
	check(!fsync(out), "fsync %s", dst);
	check(!close(in) && !close(out), "close");
	printf("blktest: copy: %ld bytes of %s to %s at byte %ld\n", (long)n,
	       src, dst, (long)at);
	return failures != 0;
}

/* One command: argv[0] is its name. */
static int run(int argc, char **argv)
{
	const char *c = argv[0];

	if (!strcmp(c, "pattern") && argc == 3)
		return cmd_pattern(argv[1], argv[2]);
	if (!strcmp(c, "errors") && argc == 3)
		return cmd_errors(argv[1], argv[2]);
	if (!strcmp(c, "copy") && argc == 4)
		return cmd_copy(argv[1], argv[2], argv[3]);
	if (!strcmp(c, "async") && argc == 3)
		return cmd_async(argv[1], argv[2]);
	if (!strcmp(c, "speed") && argc == 3)
		return cmd_speed(argv[1], argv[2]);
	if (!strcmp(c, "open-later") && (argc == 3 || argc == 4))
		return cmd_open_later(argv[1], argv[2],
				      argc == 4 ? argv[3] : NULL);
	if (!strcmp(c, "until-gone") && argc == 2)
		return cmd_until_gone(argv[1]);
	if (!strcmp(c, "compare") && argc == 3)
		return cmd_compare(argv[1], argv[2]);
	if (!strcmp(c, "seq") && argc == 5)
		return cmd_seq(argv[1], argv[2], argv[3], argv[4]);
	if (!strcmp(c, "iops") && (argc == 4 || argc == 5))
		return cmd_iops(argv[1], argv[2], argv[3],
				argc == 5 ? argv[4] : "0");
	printf("usage: blktest COMMAND ARGS [+ COMMAND ARGS ...]: pattern, "
	       "errors, copy, async, until-gone, open-later, speed, iops, seq, compare\n");
	return 2;
}

/* Commands separated by "+" run in turn. */
int main(int argc, char **argv)
{
	int rc = 0, from = 1;

	for (int i = 1; i <= argc; i++) {
		if (i < argc && strcmp(argv[i], "+"))
			continue;
		rc |= run(i - from, argv + from);
		from = i + 1;
	}
	return rc;
}
