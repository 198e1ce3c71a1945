/*
 * blkrand.c - the Linux domU's side of bench/blk.sh, built static on the
 * host (gcc -static) and put into the domU's initramfs as a job file
 * (/rig/files/blkrand): busybox has no fio and its dd prints no time.
 *
 *   blkrand time WHAT BYTES CMD [ARGS...]  runs CMD, prints its wall
 *                                      time (CLOCK_MONOTONIC, the
 *                                      guest's clock) and BYTES / time
 *                                      in MB/s, labelled WHAT
 *   blkrand aio DEV SECS DEPTH         4 KiB reads at random 4 KiB
 *                                      offsets for SECS, O_DIRECT (the
 *                                      page cache never answers), DEPTH
 *                                      in flight through Linux's native
 *                                      AIO (io_submit), as fio's libaio
 *                                      engine does: reads per second
 *
 *   blkrand spin N                     N rounds of a fixed loop, timed:
 *                                      the machine's speed now (the
 *                                      loop of blktest's `spin`)
 *
 * One submitter keeping DEPTH requests in flight is what pvmini's
 * `blktest iops` does with blkdev_submit and completion callbacks.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEPTH_MAX 256

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int cmd_time(const char *what, unsigned long long bytes, char **argv)
{
	uint64_t t0 = now_ns(), t;
	int st;
	pid_t p = fork();

	if (p < 0) {
		perror("blkrand: fork");
		return 1;
	}
	if (!p) {
		execvp(argv[0], argv);
		perror("blkrand: exec");
		_exit(127);
	}
	if (waitpid(p, &st, 0) != p) {
		perror("blkrand: waitpid");
		return 1;
	}
	t = now_ns() - t0;
	printf("blkrand: %s: %llu bytes in %llu us: %llu.%03llu MB/s "
	       "(exit %d)\n",
	       what, bytes, (unsigned long long)(t / 1000),
	       (unsigned long long)(bytes * 1000 / t),
	       (unsigned long long)(bytes * 1000000 / t % 1000),
	       WIFEXITED(st) ? WEXITSTATUS(st) : 128);
	return !WIFEXITED(st) || WEXITSTATUS(st);
}

static int cmd_spin(unsigned long n)
{
	uint64_t x = 1, t0 = now_ns(), t;

	for (unsigned long i = 0; i < n; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		__asm__ volatile("" : "+r"(x));
	}
	t = now_ns() - t0;
	printf("blkrand: spin: %lu rounds in %llu us (%llx)\n", n,
	       (unsigned long long)(t / 1000), (unsigned long long)(x & 0xf));
	return 0;
}

static uint64_t rnd = 88172645463325252ULL;

static uint64_t next_block(uint64_t blocks)
{
	rnd ^= rnd << 13; /* xorshift64 */
	rnd ^= rnd >> 7;
	rnd ^= rnd << 17;
	return rnd % blocks;
}

static int cmd_aio(const char *dev, unsigned long secs, unsigned int depth)
{
	static struct iocb cb[DEPTH_MAX];
	static struct iocb *cbp[DEPTH_MAX];
	static struct io_event ev[DEPTH_MAX];
	aio_context_t ctx = 0;
	unsigned long long size = 0, done = 0, bad = 0;
	uint64_t blocks, t0, end, t;
	char *buf;
	int fd = open(dev, O_RDONLY | O_DIRECT);

	if (fd < 0 || ioctl(fd, BLKGETSIZE64, &size) || size < 4096 || !depth ||
	    depth > DEPTH_MAX) {
		perror("blkrand: open");
		return 1;
	}
	blocks = size / 4096;
	if (posix_memalign((void **)&buf, 4096, (size_t)depth * 4096) ||
	    syscall(SYS_io_setup, depth, &ctx)) {
		perror("blkrand: io_setup");
		return 1;
	}
	for (unsigned int i = 0; i < depth; i++) {
		cb[i].aio_fildes = (uint32_t)fd;
		cb[i].aio_lio_opcode = IOCB_CMD_PREAD;
		cb[i].aio_buf = (uint64_t)(uintptr_t)(buf + (size_t)i * 4096);
		cb[i].aio_nbytes = 4096;
		cb[i].aio_offset = (int64_t)(next_block(blocks) * 4096);
		cb[i].aio_data = i;
		cbp[i] = &cb[i];
	}
	t0 = now_ns();
	end = t0 + secs * 1000000000ULL;
	if (syscall(SYS_io_submit, ctx, (long)depth, cbp) != (long)depth) {
		perror("blkrand: io_submit");
		return 1;
	}
	for (unsigned int out = depth; out;) {
		long n = syscall(SYS_io_getevents, ctx, 1L, (long)depth, ev,
				 NULL);
		long again = 0;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			perror("blkrand: io_getevents");
			return 1;
		}
		out -= (unsigned int)n;
		done += (unsigned long long)n;
		for (long k = 0; k < n; k++) {
			struct iocb *c = &cb[ev[k].data];

			if (ev[k].res != 4096)
				bad++;
			if (now_ns() >= end)
				continue;
			c->aio_offset = (int64_t)(next_block(blocks) * 4096);
			cbp[again++] = c;
		}
		if (again && syscall(SYS_io_submit, ctx, again, cbp) != again) {
			perror("blkrand: io_submit");
			return 1;
		}
		out += (unsigned int)again;
	}
	t = now_ns() - t0;
	printf("blkrand: aio: %llu random 4 KiB reads, depth %u, O_DIRECT: "
	       "%llu IOPS%s\n",
	       done, depth, done * 1000000000ULL / t, bad ? " (ERRORS)" : "");
	syscall(SYS_io_destroy, ctx);
	close(fd);
	return bad != 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 5 && !strcmp(argv[1], "time"))
		return cmd_time(argv[2], strtoull(argv[3], NULL, 0), argv + 4);
	if (argc == 5 && !strcmp(argv[1], "aio"))
		return cmd_aio(argv[2], strtoul(argv[3], NULL, 0),
			       (unsigned int)strtoul(argv[4], NULL, 0));
	if (argc == 3 && !strcmp(argv[1], "spin"))
		return cmd_spin(strtoul(argv[2], NULL, 0));
	fprintf(stderr, "usage: blkrand time WHAT BYTES CMD [ARGS...] | "
			"blkrand aio DEV SECS DEPTH | blkrand spin N\n");
	return 2;
}
