/*
 * blkpm - a disk's suspend hook (kernel/drivers/blk/blkfront_pm.c) as
 * a checkpoint (xl save -c) or a cancelled suspend runs it: with reads
 * in flight and queued, the suspend parks the disk and waits for the
 * backend to answer what is in flight; requests submitted while parked
 * wait in the queue and reach no ring; the resume (same domain) issues
 * them. Every read checks its data; no grant is held at the end.
 */
#include <pvmini.h>
#include <pvmini/blkdev.h>
#include <pvmini/page_alloc.h>
#include "kernel/drivers/blk/blkfront.h"
#include "kernel/xenbus/xenbus_pm.h"

#define N 96 /* more than the ring's 32 slots */

static struct blkdev_req req[N];
static int failures;

#define EXPECT(cond, ...)                                                      \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printk("blkpm: FAIL: " __VA_ARGS__);                   \
			printk("\n");                                          \
			failures++;                                            \
		}                                                              \
	} while (0)

/* Sector s of the disk starts with "sector <s> " (dom0 wrote it). */
static void submit(struct blkdev *d, int i, char *page)
{
	req[i] = (struct blkdev_req){ .op = BLKDEV_READ,
				      .sector = (uint64_t)i,
				      .count = 1,
				      .buf = page };
	EXPECT(!blkdev_submit(d, &req[i]), "submit %d", i);
}

static void check_all(int from, int to, char *pages)
{
	char want[16];

	for (int i = from; i < to; i++) {
		snprintf(want, sizeof(want), "sector %d ", i);
		EXPECT(blkdev_wait(&req[i]) == 0, "read %d", i);
		EXPECT(!memcmp(pages + 512 * i, want, strlen(want)),
		       "sector %d reads '%.10s'", i, pages + 512 * i);
	}
}

int main(void)
{
	char *pages = alloc_pages(4); /* 16 pages: 128 sectors of 512 */
	struct blkdev_stats before, after;
	const char *who = NULL;
	struct blkdev *d;
	unsigned int free0, parked_in_flight;
	int rc;

	EXPECT(!blkdev_open("xvda", &d), "open");
	free0 = gnttab_free();
	for (int i = 0; i < N / 2; i++)
		submit(d, i, pages + 512 * i);
	printk("blkpm: %u in flight, suspending\n",
	       blk_ring_in_flight(&d->ring));
	rc = xenbus_suspend_all(&who);
	EXPECT(rc == 0, "suspend refused by %s: %d", who ? who : "?", rc);
	parked_in_flight = blk_ring_in_flight(&d->ring);
	EXPECT(d->parked, "not parked");
	blkdev_get_stats(d, &before);
	for (int i = N / 2; i < N; i++)
		submit(d, i, pages + 512 * i);
	thread_sleep_ns(200 * NSEC_PER_MSEC);
	blkdev_get_stats(d, &after);
	EXPECT(blk_ring_in_flight(&d->ring) == 0 && after.reads == before.reads,
	       "parked, yet %u in flight, %lu reads done",
	       blk_ring_in_flight(&d->ring), after.reads - before.reads);
	EXPECT(!req[N - 1].complete, "a parked request completed");
	printk("blkpm: parked with %u in flight; %d reads queued meanwhile\n",
	       parked_in_flight, N / 2);
	xenbus_resume_all(true);
	check_all(0, N, pages);
	EXPECT(gnttab_free() == free0, "grants: %u free, %u before",
	       gnttab_free(), free0);
	EXPECT(!blkdev_close(d), "close");
	printk("blkpm: resumed (cancelled): all %d reads right, grants back\n",
	       N);
	return failures ? 1 : 0;
}
