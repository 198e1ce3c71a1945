/*
 * blktest_bench.c - blktest's figures (bench/blk.sh), all in guest
 * time: sequential MB/s through the C library and natively with a
 * chosen request size, 4 KiB random reads per second with a chosen
 * depth and ring, and `compare`, which alternates the variants round
 * after round in one domain, so that the host's load, which drifts
 * from minute to minute, falls on all of them alike; it reports
 * medians.
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pvmini/blkdev.h>
#include <pvmini/time.h>
#include <pvmini/xenstore.h>

#include "blktest.h"

/* MB/s with three decimals: bytes/ns is GB/s. */
static unsigned long rate(uint64_t bytes, uint64_t ns)
{
	return ns ? (unsigned long)(bytes * 1000000 / ns) : 0;
}

int cmd_speed(const char *disk, const char *mib_s)
{
	const size_t chunk = 1 << 20;
	unsigned long mib = strtoul(mib_s, NULL, 0), disk_mib;
	char *buf = memalign(4096, chunk);
	int fd = open(dev(disk), O_RDWR);
	uint64_t t0, tw, tr;
	struct stat st;

	check(fd >= 3 && buf, "open %s", disk);
	if (fd < 0 || !buf || fstat(fd, &st) || st.st_size < (off_t)chunk)
		return 1;
	disk_mib = (unsigned long)(st.st_size / (off_t)chunk);
	t0 = monotonic_ns();
	for (unsigned long i = 0; i < mib; i++) {
		memset(buf, (int)(i & 0xff), chunk);
		check(pwrite(fd, buf, chunk, (off_t)(i % disk_mib * chunk)) ==
			      (ssize_t)chunk,
		      "pwrite MiB %lu", i);
	}
	check(!fsync(fd), "fsync");
	tw = monotonic_ns() - t0;
	t0 = monotonic_ns();
	for (unsigned long i = 0; i < mib; i++) {
		/* The last pass over the disk is what it holds. */
		unsigned long want =
			(mib - 1) / disk_mib * disk_mib + i % disk_mib;

		if (want >= mib)
			want -= disk_mib;
		check(pread(fd, buf, chunk, (off_t)(i % disk_mib * chunk)) ==
			      (ssize_t)chunk,
		      "pread MiB %lu", i);
		check(buf[0] == (char)want && buf[chunk - 1] == (char)want,
		      "MiB %lu reads back", i);
	}
	tr = monotonic_ns() - t0;
	check(!close(fd), "close");
	printf("blktest: speed: %lu MiB written over a %lu MiB disk (1 MiB "
	       "pwrite, fsync) in %lu ms: %lu.%03lu MB/s; read in %lu ms: "
	       "%lu.%03lu MB/s\n",
	       mib, disk_mib, (unsigned long)(tw / 1000000),
	       rate(mib << 20, tw) / 1000, rate(mib << 20, tw) % 1000,
	       (unsigned long)(tr / 1000000), rate(mib << 20, tr) / 1000,
	       rate(mib << 20, tr) % 1000);
	return failures != 0;
}

/* Block i's words: its number and their place (checked on reading). */
static void fill(uint32_t *w, unsigned long i, size_t n, int check_only,
		 unsigned long *bad)
{
	for (size_t k = 0; k < n / 4; k++) {
		uint32_t want = (uint32_t)(i << 20 | k);

		if (!check_only)
			w[k] = want;
		else if (w[k] != want)
			(*bad)++;
	}
}

/* MIB MiB written (then flushed) and read as 2 MiB requests, which the
 * driver cuts into ring requests of segs pages on a ring of 2^order
 * pages; *wr and *rd in MB/s * 1000. The data read is checked unless
 * mib exceeds the disk (then blocks were overwritten). The filling and
 * the checking are not counted in the time. */
static int seq_run(const char *disk, unsigned int segs, unsigned int order,
		   unsigned long mib, unsigned long *wr, unsigned long *rd,
		   struct blkdev_info *info, struct blkdev_stats *st)
{
	const size_t block = 2 << 20;
	static char *buf;
	struct blkdev_opts opts = { .max_segments = segs, .ring_order = order };
	struct blkdev *d;
	uint64_t t[2], blocks, per;
	unsigned long bad = 0;

	if (!buf)
		buf = memalign(4096, block);
	if (!buf || blkdev_open_opts(disk, &opts, &d)) {
		check(0, "open %s", disk);
		return -1;
	}
	blkdev_get_info(d, info);
	per = block / info->sector_size;
	blocks = info->sectors / per;
	for (int pass = 0; pass < 2; pass++) {
		uint64_t t0 = monotonic_ns(), spent = 0;

		for (unsigned long i = 0; i < mib / 2; i++) {
			uint64_t at = i % blocks * per, t1 = monotonic_ns();
			int rc;

			if (!pass)
				fill((uint32_t *)buf, i, block, 0, &bad);
			spent += monotonic_ns() - t1;
			rc = pass ? blkdev_read(d, at, per, buf)
				  : blkdev_write(d, at, per, buf);
			check(!rc, "block %lu: %d", i, rc);
			t1 = monotonic_ns();
			if (pass && mib / 2 <= blocks)
				fill((uint32_t *)buf, i, block, 1, &bad);
			spent += monotonic_ns() - t1;
		}
		if (!pass)
			check(!blkdev_flush(d), "flush");
		t[pass] = monotonic_ns() - t0 - spent; /* the disk's time */
	}
	check(!bad, "%lu words read back wrong", bad);
	blkdev_get_stats(d, st);
	check(!blkdev_close(d), "close");
	*wr = rate(mib << 20, t[0]);
	*rd = rate(mib << 20, t[1]);
	return 0;
}

int cmd_seq(const char *disk, const char *mib_s, const char *segs_s,
	    const char *order_s)
{
	unsigned long mib = strtoul(mib_s, NULL, 0), wr, rd;
	struct blkdev_info info;
	struct blkdev_stats st;

	if (seq_run(disk, (unsigned int)strtoul(segs_s, NULL, 0),
		    (unsigned int)strtoul(order_s, NULL, 0), mib, &wr, &rd,
		    &info, &st))
		return 1;
	printf("blktest: seq: %lu MiB, %u segments per request (%s), ring of "
	       "%u slots: write %lu.%03lu MB/s, read %lu.%03lu MB/s; %lu ring "
	       "requests: %lu indirect, %lu direct, at most %lu in flight\n",
	       mib, info.max_request_bytes / 4096,
	       info.indirect_segments ? "indirect" : "direct", info.ring_slots,
	       wr / 1000, wr % 1000, rd / 1000, rd % 1000, st.reads + st.writes,
	       st.indirect, st.reads + st.writes - st.indirect,
	       st.max_in_flight);
	return failures != 0;
}

static struct blkdev *iops_dev;
static uint64_t iops_sectors, iops_rand = 88172645463325252ULL;
static unsigned long iops_done;
static bool iops_stop;

static void on_read(struct blkdev_req *r)
{
	iops_done++;
	if (r->status)
		failures++;
	if (iops_stop || r->status)
		return;
	iops_rand ^= iops_rand << 13; /* xorshift64 */
	iops_rand ^= iops_rand >> 7;
	iops_rand ^= iops_rand << 17;
	r->sector = iops_rand % (iops_sectors / 8) * 8;
	if (blkdev_submit(iops_dev, r))
		failures++;
}

/* 4 KiB random reads for ms, qd at a time; reads per second. */
static unsigned long iops_run(const char *disk, unsigned long ms,
			      unsigned int qd, unsigned int order,
			      struct blkdev_stats *st, struct blkdev_info *info)
{
	static struct blkdev_req r[BLK_QD_MAX];
	static void *pages[BLK_QD_MAX];
	struct blkdev_opts opts = { .ring_order = order };
	uint64_t t0, t;

	if (qd > BLK_QD_MAX || blkdev_open_opts(disk, &opts, &iops_dev)) {
		check(0, "open %s", disk);
		return 0;
	}
	blkdev_get_info(iops_dev, info);
	iops_sectors = info->sectors;
	iops_done = 0;
	iops_stop = false;
	t0 = monotonic_ns();
	for (unsigned int i = 0; i < qd; i++) {
		if (!pages[i])
			pages[i] = memalign(4096, 4096);
		r[i] = (struct blkdev_req){ .op = BLKDEV_READ,
					    .sector = (uint64_t)i * 8,
					    .count = 8,
					    .buf = pages[i],
					    .done = on_read };
		check(!blkdev_submit(iops_dev, &r[i]), "submit %u", i);
	}
	usleep((useconds_t)(ms * 1000));
	iops_stop = true;
	for (unsigned int i = 0; i < qd; i++)
		blkdev_wait(&r[i]);
	t = monotonic_ns() - t0;
	blkdev_get_stats(iops_dev, st);
	check(!blkdev_close(iops_dev), "close");
	return (unsigned long)(iops_done * 1000000000ULL / t);
}

int cmd_iops(const char *disk, const char *secs_s, const char *qd_s,
	     const char *order_s)
{
	unsigned int qd = (unsigned int)strtoul(qd_s, NULL, 0);
	struct blkdev_info info;
	struct blkdev_stats st;
	unsigned long n =
		iops_run(disk, strtoul(secs_s, NULL, 0) * 1000, qd,
			 (unsigned int)strtoul(order_s, NULL, 0), &st, &info);

	printf("blktest: iops: %lu random 4 KiB reads, queue depth %u, ring "
	       "of %u slots: %lu IOPS (at most %lu in flight)\n",
	       iops_done, qd, info.ring_slots, n, st.max_in_flight);
	/* Closed: the keys that named the ring and the port are gone. */
	for (unsigned int i = 0; i < 3; i++) {
		static const char *keys[] = { "ring-ref0", "ring-page-order",
					      "event-channel" };
		char path[64], val[16];

		snprintf(path, sizeof(path), "device/vbd/%u/%s", info.vdev,
			 keys[i]);
		check(xs_read(XS_TX_NONE, path, val, sizeof(val)) ==
			      -XEN_ENOENT,
		      "%s still there after the close", path);
	}
	return failures != 0;
}

static int by_value(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a,
		      y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

static unsigned long median(unsigned long *v, unsigned int n)
{
	qsort(v, n, sizeof(*v), by_value);
	return v[n / 2];
}

#define ROUNDS_MAX 15

/* ROUNDS rounds, each running every variant once, in turn. */
int cmd_compare(const char *disk, const char *rounds_s)
{
	static const unsigned int segs[] = { 11, 32, 64, 128, 256 };
	static const struct {
		unsigned int qd, order;
	} io[] = { { 32, 0 }, { 128, 0 }, { 128, 2 } };
	static unsigned long wr[5][ROUNDS_MAX], rd[5][ROUNDS_MAX],
		ops[3][ROUNDS_MAX];
	unsigned int rounds = (unsigned int)strtoul(rounds_s, NULL, 0);
	struct blkdev_info info;
	struct blkdev_stats st;

	if (!rounds || rounds > ROUNDS_MAX)
		return 2;
	for (unsigned int k = 0; k < rounds; k++) {
		for (unsigned int v = 0; v < 5; v++)
			seq_run(disk, segs[v], 0, 16, &wr[v][k], &rd[v][k],
				&info, &st);
		for (unsigned int v = 0; v < 3; v++)
			ops[v][k] = iops_run(disk, 1000, io[v].qd, io[v].order,
					     &st, &info);
	}
	for (unsigned int v = 0; v < 5; v++) {
		unsigned long w = median(wr[v], rounds),
			      r = median(rd[v], rounds);

		printf("blktest: compare: %u segments per request: median of "
		       "%u, write %lu MB/s, read %lu MB/s\n",
		       segs[v], rounds, w / 1000, r / 1000);
	}
	for (unsigned int v = 0; v < 3; v++)
		printf("blktest: compare: 4 KiB random reads, %u submitted, "
		       "ring of %u page(s): median of %u, %lu IOPS\n",
		       io[v].qd, 1U << io[v].order, rounds,
		       median(ops[v], rounds));
	return failures != 0;
}
