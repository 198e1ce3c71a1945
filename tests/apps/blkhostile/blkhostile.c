/*
 * blkhostile - what blkfront does with a backend that breaks the ring:
 * it writes, into the shared ring as a backend would, a response with
 * an unknown id, one with a status blkif does not define, one for
 * another operation, and an rsp_prod beyond the requests sent, and
 * raises the event. The request it answers was put on the ring but
 * never published, so the real backend (blkback, honest) never sees
 * it and cannot answer in between. Each time the disk must stop with
 * a message saying what was wrong, fail the request and every later
 * one with EIO, hold no grant, and close; a disk opened again works.
 */
#include <pvmini.h>
#include <pvmini/blkdev.h>
#include <pvmini/page_alloc.h>
#include "kernel/drivers/blk/blkfront.h"

static int failures;

#define EXPECT(cond, ...)                                                      \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printk("blkhostile: FAIL: " __VA_ARGS__);              \
			printk("\n");                                          \
			failures++;                                            \
		}                                                              \
	} while (0)

enum lie { UNKNOWN_ID, BAD_STATUS, WRONG_OP, RSP_PROD_BEYOND };

static void attack(enum lie lie, void *buf)
{
	static const char *names[] = { "unknown id", "bad status",
				       "wrong operation", "rsp_prod beyond" };
	struct blkdev_req r = { .op = BLKDEV_READ };
	struct blk_seg seg = { .page = (uintptr_t)buf, .first = 0, .last = 7 };
	volatile blkif_response_t *rsp;
	struct blk_shadow *s;
	struct blkdev *d;
	unsigned int free0;
	grant_ref_t ref;
	RING_IDX prod;
	int rc;

	if (blkdev_open("xvda", &d)) {
		EXPECT(0, "open xvda");
		return;
	}
	free0 = gnttab_free();
	/* A read of one page, granted, put on the ring but not published;
	 * the driver counts the grant as its own. */
	r.dev = d;
	r.pending = 1;
	ref = (grant_ref_t)gnttab_grant_access(d->xb.backend_id, buf, false);
	d->grants++;
	s = blk_ring_get(&d->ring, &r);
	blk_fill_rw(&s->req, BLKIF_OP_READ, d->handle, 0, &seg, &ref, 1);
	blk_ring_put(&d->ring, s);
	rsp = &d->ring.sring->ring[d->ring.rsp_cons & (d->ring.size - 1)].rsp;
	rsp->id = lie == UNKNOWN_ID ? 0xdead0005 : s->req.id;
	rsp->operation = lie == WRONG_OP ? BLKIF_OP_WRITE : BLKIF_OP_READ;
	rsp->status = lie == BAD_STATUS ? 9 : BLKIF_RSP_OKAY;
	prod = d->ring.rsp_cons + (lie == RSP_PROD_BEYOND ? 7 : 1);
	__atomic_store_n(&d->ring.sring->rsp_prod, prod, __ATOMIC_RELEASE);
	blkfront_event(d->port, d); /* as Xen would deliver its notify */
	rc = blkdev_wait(&r);
	EXPECT(rc == -XEN_EIO, "%s: the request ended with %d", names[lie], rc);
	rc = blkdev_read(d, 0, 1, buf);
	EXPECT(rc == -XEN_EIO, "%s: a later read gave %d", names[lie], rc);
	EXPECT(gnttab_free() == free0, "%s: %u grants free, %u before",
	       names[lie], gnttab_free(), free0);
	EXPECT(!blkdev_close(d), "%s: close", names[lie]);
	printk("blkhostile: %s: the disk stopped, EIO, grants all back\n",
	       names[lie]);
}

int main(void)
{
	char *buf = alloc_pages(0);
	struct blkdev *d;

	for (int lie = UNKNOWN_ID; lie <= RSP_PROD_BEYOND; lie++)
		attack(lie, buf);
	/* The backend itself was never disturbed: a new connection
	 * reads what dom0 wrote. */
	EXPECT(!blkdev_open("xvda", &d), "reopen");
	EXPECT(!blkdev_read(d, 0, 1, buf), "read after reopen");
	EXPECT(!memcmp(buf, "pvmini blkhostile", 17), "sector 0: '%.17s'", buf);
	EXPECT(!blkdev_close(d), "close");
	printk("blkhostile: reopened, sector 0 reads '%.17s'\n", buf);
	return failures ? 1 : 0;
}
