/*
 * blkfront.h - between blkfront's files (docs/blk.md):
 *   blkfront.c     opening a disk: the handshake, what is negotiated
 *   blkfront_io.c  the data path: the queue, the ring, completions
 *   blkfront_pm.c  suspend and resume
 *   blkdev.c       the app API: names, checks, synchronous calls
 * over the pure blk_ring.c, blk_seg.c, blk_params.c and blk_vdev.c.
 * Apps see struct blkdev as an opaque handle (<pvmini/blkdev.h>).
 *
 * Threads are cooperative and the event handler only sets `kicked` and
 * wakes xb.wq, so the ring, the queue and the counts below change only
 * in threads, between blocking calls, and need no lock.
 */
#ifndef KERNEL_DRIVERS_BLK_BLKFRONT_H
#define KERNEL_DRIVERS_BLK_BLKFRONT_H

#include <pvmini/blkdev.h>
#include <pvmini/thread.h>
#include "kernel/drivers/blk/blk_params.h"
#include "kernel/drivers/blk/blk_ring.h"
#include "kernel/drivers/blk/blk_seg.h"
#include "kernel/xenbus/frontend.h"

/* Indirect pages: one per indirect request in flight. */
#define BLK_IPAGES 32
/* Data grants one disk may hold in flight (the table has 2048 refs for
 * the whole domain). */
#define BLK_GRANT_BUDGET 512
/* How long a close waits for requests in flight. */
#define BLK_DRAIN_NS (10 * NSEC_PER_SEC)

struct blkdev {
	/* The handshake; xb.wq is where the completion thread sleeps
	 * (events, backend state, stop). */
	struct xenbus_dev xb;
	struct blkdev_info info;
	struct blkdev_opts opts;
	struct blk_backend be; /* what the backend said */
	uint16_t handle;       /* the vdev, as blkif's 16-bit handle */
	unsigned int ring_order, max_segs;
	char order_str[4];
	struct xenbus_key keys[2];
	unsigned int nkeys;

	/* The ring. */
	struct blk_ring ring;
	struct blk_shadow *shadow;
	evtchn_port_t port;
	bool kicked; /* the handler saw an event */

	/* Indirect pages (not granted while idle) and a segment plan. */
	struct blkif_request_segment *ipage[BLK_IPAGES];
	uint32_t ipage_free; /* bit i: ipage[i] is free */
	struct blk_seg segs[BLK_MAX_SEGMENTS];
	grant_ref_t refs[BLK_MAX_SEGMENTS];
	unsigned int grants; /* ours in flight, indirect pages included */

	/* Requests not wholly on the ring yet, oldest first. */
	struct blkdev_req *qhead, *qtail;
	/* blkdev_wait and close sleep here; woken at every completion. */
	struct wait_queue done_wq;

	struct thread *worker;
	bool stopping; /* the completion thread is to end */
	bool closing;  /* blkdev_close has begun: no new requests */
	bool parked;   /* suspended: nothing new goes on the ring */
	int dead;      /* 0, or why every request fails now (-errno) */
	struct blkdev_stats stats;
	struct suspend_hook pm;
	struct blkdev *next; /* the open disks */
};

/* blkfront.c: connecting and disconnecting one disk. */
int blkfront_connect(struct blkdev *d, unsigned int vdev, const char *name);
/* Also after a failed connect: frees everything but d itself. */
void blkfront_disconnect(struct blkdev *d);

/* blkfront_io.c: the data path. */
int blkfront_start(struct blkdev *d); /* the completion thread */
void blkfront_stop(struct blkdev *d); /* ... ends it */
void blkfront_event(evtchn_port_t port, void *data);
void blkfront_enqueue(struct blkdev *d, struct blkdev_req *r);
/* Completes r (status set, done called, waiters woken) once nothing of
 * it is queued or in flight. */
void blkfront_finish(struct blkdev *d, struct blkdev_req *r);
/* Puts what fits from the queue on the ring and notifies. */
void blkfront_issue(struct blkdev *d);
/* Ends everything in flight and queued with err (the disk stops, with a
 * message saying why, unless why is NULL). */
void blkfront_fail_all(struct blkdev *d, int err, const char *why);
/* Requests queued or in flight. */
bool blkfront_idle(const struct blkdev *d);

/* blkfront_pm.c: the suspend/resume hook. */
void blkfront_pm_register(struct blkdev *d);
void blkfront_pm_unregister(struct blkdev *d);

#endif
