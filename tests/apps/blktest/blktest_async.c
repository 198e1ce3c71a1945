/*
 * blktest_async.c - blktest's many-requests-at-once part (the native
 * asynchronous API: callbacks, a queue longer than the ring;
 * blktest.c has the list of commands, blktest_bench.c the figures).
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
#include <pvmini/xenstore.h>

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

/* Reads until the disk fails: what a backend going away looks like. */
int cmd_until_gone(const char *disk)
{
	char *buf = memalign(4096, 4096);
	struct blkdev *d;
	unsigned long n = 0;
	int rc;

	check(buf && !blkdev_open(disk, &d), "open %s", disk);
	printf("blktest: reading %s until it goes\n", disk);
	while (!(rc = blkdev_read(d, n % 8 * 8, 8, buf)))
		if (++n % 64 == 0)
			usleep(10000);
	printf("blktest: gone after %lu reads: %s\n", n, xs_error_name(rc));
	check(rc == -XEN_ENOTCONN, "the read failed with %d", rc);
	check(blkdev_read(d, 0, 8, buf) == -XEN_ENOTCONN,
	      "a later read is ENOTCONN too");
	blkdev_close(d);
	printf("blktest: closed %s\n", disk);
	return failures != 0;
}

/* Opens DISK after SECS (dom0 may change its backend meanwhile) and
 * says how that went, and (dir: its device directory) what it left in
 * xenstore. */
int cmd_open_later(const char *disk, const char *secs, const char *dir)
{
	char path[96], state[16], ref[16];
	struct blkdev *d;
	int rc;

	printf("blktest: opening %s in %s s\n", disk, secs);
	sleep((unsigned int)strtoul(secs, NULL, 0));
	rc = blkdev_open(disk, &d);
	printf("blktest: open %s: %s\n", disk, rc ? xs_error_name(rc) : "0");
	if (!rc)
		blkdev_close(d);
	if (!dir)
		return 0;
	snprintf(path, sizeof(path), "%s/state", dir);
	if (xs_read(XS_TX_NONE, path, state, sizeof(state)) < 0)
		snprintf(state, sizeof(state), "(none)");
	snprintf(path, sizeof(path), "%s/ring-ref", dir);
	rc = xs_read(XS_TX_NONE, path, ref, sizeof(ref));
	printf("blktest: %s: state %s, ring-ref %s\n", dir, state,
	       rc == -XEN_ENOENT ? "absent" : ref);
	return 0;
}
