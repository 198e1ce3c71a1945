/*
 * blktest_async.c - blktest's many-requests-at-once parts (the native
 * asynchronous API: callbacks, a queue longer than the ring) and its
 * figures (blktest.c has the list of commands).
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
#include <pvmini/gnttab.h>
#include <pvmini/time.h>

#include "blktest.h"

/* --- many requests at once: the async API -------------------------- */

struct job {
	struct blkdev_req r;
	uint32_t *page;
	int bad;
};
static unsigned int completed;

static void on_done(struct blkdev_req *r)
{
	struct job *j = r->data;

	completed++;
	if (r->status)
		j->bad = r->status;
	else if (r->op == BLKDEV_READ) /* each page names its sector */
		for (int i = 0; i < 1024; i++)
			if (j->page[i] != (uint32_t)(r->sector * 1000 + i))
				j->bad = 1;
}

int cmd_async(const char *disk, const char *count)
{
	unsigned int n = (unsigned int)strtoul(count, NULL, 0), free0;
	struct job *jobs = calloc(n, sizeof(*jobs));
	struct blkdev_stats st;
	struct blkdev *d;
	unsigned int bad = 0;

	check(!blkdev_open(disk, &d), "blkdev_open %s", disk);
	free0 = gnttab_free(); /* the ring's ref taken */
	for (int pass = 0; pass < 2; pass++) {
		completed = 0;
		for (unsigned int i = 0; i < n; i++) {
			/* Sectors in a scattered order: 8 per page. */
			uint64_t sector = (uint64_t)((i * 37) % n) * 8;
			struct job *j = &jobs[i];

			if (!j->page)
				j->page = memalign(4096, 4096);
			for (int w = 0; w < 1024 && !pass; w++)
				j->page[w] = (uint32_t)(sector * 1000 + w);
			if (pass)
				memset(j->page, 0, 4096);
			j->bad = 0;
			j->r = (struct blkdev_req){
				.op = pass ? BLKDEV_READ : BLKDEV_WRITE,
				.sector = sector,
				.count = 8,
				.buf = j->page,
				.done = on_done,
				.data = j,
			};
			check(!blkdev_submit(d, &j->r), "submit %u", i);
		}
		for (unsigned int i = 0; i < n; i++) {
			check(blkdev_wait(&jobs[i].r) == 0, "request %u", i);
			bad += jobs[i].bad != 0;
		}
		check(completed == n, "%u callbacks for %u requests", completed,
		      n);
	}
	check(!bad, "%u request(s) read back wrong", bad);
	blkdev_get_stats(d, &st);
	check(gnttab_free() == free0, "grants: %u free after, %u before",
	      gnttab_free(), free0);
	check(!blkdev_close(d), "blkdev_close");
	printf("blktest: async: %u writes and %u reads of 4 KiB, each "
	       "checked; at most %lu in flight; %lu grants given, %lu ended, "
	       "%u free as before\n",
	       n, n, st.max_in_flight, st.grants, st.grants_ended, free0);
	return failures != 0;
}

/* --- figures ----------------------------------------------------------- */

static unsigned long rate(uint64_t bytes, uint64_t ns)
{
	/* bytes/ns is GB/s: this is MB/s with three decimals. */
	return ns ? (unsigned long)(bytes * 1000000 / ns) : 0;
}

int cmd_speed(const char *disk, const char *mib_s)
{
	const size_t chunk = 1 << 20;
	unsigned long mib = strtoul(mib_s, NULL, 0);
	char *buf = memalign(4096, chunk);
	int fd = open(dev(disk), O_RDWR);
	uint64_t t0, tw, tr;
	unsigned long disk_mib;
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

int cmd_iops(const char *disk, const char *secs_s, const char *qd_s,
	     const char *order_s)
{
	unsigned long secs = strtoul(secs_s, NULL, 0);
	unsigned int qd = (unsigned int)strtoul(qd_s, NULL, 0);
	struct blkdev_req *r = calloc(qd, sizeof(*r));
	struct blkdev_opts opts = { .ring_order = (unsigned int)strtoul(
					    order_s, NULL, 0) };
	struct blkdev_info info;
	struct blkdev_stats st;
	uint64_t t0, t;
	check(!blkdev_open_opts(disk, &opts, &iops_dev), "open %s", disk);
	blkdev_get_info(iops_dev, &info);
	iops_sectors = info.sectors;
	t0 = monotonic_ns();
	for (unsigned int i = 0; i < qd; i++) {
		r[i] = (struct blkdev_req){ .op = BLKDEV_READ,
					    .sector = (uint64_t)i * 8,
					    .count = 8,
					    .buf = memalign(4096, 4096),
					    .done = on_read };
		check(!blkdev_submit(iops_dev, &r[i]), "submit %u", i);
	}
	sleep((unsigned int)secs);
	iops_stop = true;
	for (unsigned int i = 0; i < qd; i++)
		blkdev_wait(&r[i]);
	t = monotonic_ns() - t0;
	blkdev_get_stats(iops_dev, &st);
	check(!blkdev_close(iops_dev), "close");
	printf("blktest: iops: %lu random 4 KiB reads in %lu ms, queue depth "
	       "%u, ring of %u slots: %lu IOPS (at most %lu in flight)\n",
	       iops_done, (unsigned long)(t / 1000000), qd, info.ring_slots,
	       (unsigned long)(iops_done * 1000000000ULL / t),
	       st.max_in_flight);
	return failures != 0;
}
