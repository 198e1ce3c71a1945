/*
 * blkfront_io.c - a disk's data path (docs/blk.md). Requests wait in a
 * queue, oldest first; blkfront_issue puts what fits on the ring - a
 * request of any size as ring requests of at most max_segs pages each,
 * every page granted to the backend for the time it is in flight (read
 * only for a write: the backend only reads it) - and the completion
 * thread takes the responses, ends the grants, completes requests
 * whose last piece came back and issues more.
 *
 * Three things bound what is in flight at once: the ring's slots, the
 * indirect pages (one per indirect request) and BLK_GRANT_BUDGET, the
 * data grants one disk may hold. Whatever does not fit stays queued
 * until a completion frees room; a resource that cannot be had with
 * nothing in flight fails the request instead of waiting for ever.
 *
 * The grants are given per request and ended when its response came:
 * a ref goes back to the free list and serves again, so a disk at rest
 * holds none (blkdev_stats counts them). A grant the backend still
 * maps after answering is kept, never reused: reusing it would hand
 * the backend whatever page the ref named next.
 */
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/gnttab.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include "kernel/drivers/blk/blkfront.h"
#include "kernel/sched/freeze.h"

/* Upcall context: the completion thread does the work. */
void blkfront_event(evtchn_port_t port __unused, void *data)
{
	struct blkdev *d = data;

	d->stats.events++;
	d->kicked = true;
	wake_all(&d->xb.wq);
}

void blkfront_enqueue(struct blkdev *d, struct blkdev_req *r)
{
	r->queued = true;
	r->next = NULL;
	if (d->qtail)
		d->qtail->next = r;
	else
		d->qhead = r;
	d->qtail = r;
}

static void dequeue_head(struct blkdev *d)
{
	struct blkdev_req *r = d->qhead;

	d->qhead = r->next;
	if (!d->qhead)
		d->qtail = NULL;
	r->next = NULL;
	r->queued = false;
}

void blkfront_finish(struct blkdev *d, struct blkdev_req *r)
{
	if (r->queued || r->pending)
		return;
	r->complete = true;
	if (r->done)
		r->done(r);
	wake_all(&d->done_wq);
}

bool blkfront_idle(const struct blkdev *d)
{
	return !d->qhead && !blk_ring_in_flight(&d->ring);
}

/* Ends one grant of ours; false if the backend still maps it. */
static bool end_grant(struct blkdev *d, grant_ref_t ref)
{
	int rc = gnttab_end_access(ref);

	d->grants--;
	if (!rc) {
		d->stats.grants_ended++;
		return true;
	}
	if (rc == -XEN_EBUSY) {
		d->stats.grants_kept++;
		printk("%s: the backend still maps ref %u of a finished "
		       "request; the ref stays with it, never reused\n",
		       d->info.name, ref);
		return false;
	}
	printk("%s: ending grant %u: %s\n", d->info.name, ref,
	       xs_error_name(rc));
	return true;
}

/* Ends a ring request's grants; its indirect page is free again
 * unless the backend kept it. */
static void end_slot(struct blkdev *d, struct blk_shadow *s)
{
	bool indirect = s->req.operation == BLKIF_OP_INDIRECT;
	struct blkif_request_segment *ip = indirect ? d->ipage[s->ipage] : 0;
	unsigned int n = blk_req_refs(&s->req, ip, d->refs, BLK_MAX_SEGMENTS);
	struct blkif_request_indirect ind;

	for (unsigned int i = 0; i < n; i++)
		end_grant(d, d->refs[i]);
	if (!indirect)
		return;
	memcpy(&ind, &s->req, sizeof(ind));
	if (end_grant(d, ind.indirect_grefs[0]))
		d->ipage_free |= 1U << s->ipage;
}

static void count(struct blkdev *d, const struct blk_shadow *s, int status)
{
	uint8_t op = blk_req_op(&s->req);

	if (status) {
		d->stats.errors++;
		/* blkif: a flush may be refused at any time. */
		if (status == -XEN_EOPNOTSUPP && op == BLKIF_OP_FLUSH_DISKCACHE)
			d->info.flush = false;
		if (status == -XEN_EOPNOTSUPP && op == BLKIF_OP_WRITE_BARRIER)
			d->info.barrier = false;
	} else if (op == BLKIF_OP_READ) {
		d->stats.reads++;
		d->stats.bytes_read += s->bytes;
	} else if (op == BLKIF_OP_WRITE) {
		d->stats.writes++;
		d->stats.bytes_written += s->bytes;
	} else {
		d->stats.flushes++;
	}
	if (s->req.operation == BLKIF_OP_INDIRECT)
		d->stats.indirect++;
}

/* One ring request is over (answered, or failed): its part of r. */
static void retire(struct blkdev *d, struct blk_shadow *s, int status)
{
	struct blkdev_req *r = s->owner;

	end_slot(d, s);
	count(d, s, status);
	if (status && !r->status)
		r->status = status;
	r->pending--;
	blk_ring_release(&d->ring, s);
	blkfront_finish(d, r);
}

void blkfront_fail_all(struct blkdev *d, int err, const char *why)
{
	struct blkdev_req *q = d->qhead, *next;

	if (!d->dead) {
		d->dead = err;
		evtchn_mask(d->port); /* a broken backend may storm */
		if (why)
			printk("%s: %s; the disk is stopped: %u request(s) in "
			       "flight and every later one fail (%s)\n",
			       d->info.name, why, blk_ring_in_flight(&d->ring),
			       xs_error_name(err));
	}
	d->qhead = d->qtail = NULL;
	for (unsigned int i = 0; i < d->ring.size; i++)
		if (d->shadow[i].owner)
			retire(d, &d->shadow[i], err);
	for (; q; q = next) {
		next = q->next;
		q->next = NULL;
		q->queued = false;
		if (!q->status)
			q->status = err;
		blkfront_finish(d, q);
	}
}

/* Grants the planned segments (read-only if ro); -XEN_EAGAIN when
 * the table is full but completions will free refs. */
static int grant_segs(struct blkdev *d, unsigned int n, bool ro)
{
	for (unsigned int i = 0; i < n; i++) {
		int rc = gnttab_grant_access(d->xb.backend_id,
					     (void *)d->segs[i].page, ro);

		if (rc >= 0) {
			d->refs[i] = (grant_ref_t)rc;
			continue;
		}
		while (i--) /* nobody has them yet */
			gnttab_end_access(d->refs[i]);
		if (rc == -XEN_ENOSPC && d->grants)
			return -XEN_EAGAIN;
		return rc == -XEN_EINVAL ? -XEN_EFAULT : rc; /* not our RAM */
	}
	return 0;
}

static int put_flush(struct blkdev *d, struct blkdev_req *r)
{
	struct blk_shadow *s = blk_ring_get(&d->ring, r);

	blk_fill_flush(&s->req,
		       d->info.flush ? BLKIF_OP_FLUSH_DISKCACHE
				     : BLKIF_OP_WRITE_BARRIER,
		       d->handle);
	blk_ring_put(&d->ring, s);
	r->pending++;
	dequeue_head(d);
	return 0;
}

/*
 * The next piece of a read or write: 0, -XEN_EAGAIN (wait for room) or
 * the request's error. With every indirect page in use (or kept by a
 * backend that would not let go) the piece is a direct one: smaller,
 * but it never waits for a page that may not come back.
 */
static int put_rw(struct blkdev *d, struct blkdev_req *r)
{
	uint64_t total = r->count * d->info.sector_size;
	uint8_t op = r->op == BLKDEV_WRITE ? BLKIF_OP_WRITE : BLKIF_OP_READ;
	uint64_t sector = (r->sector * d->info.sector_size + r->issued) / 512;
	unsigned int n, ip = 0;
	size_t bytes = blk_seg_plan(
		(uintptr_t)r->buf + r->issued, total - r->issued,
		d->ipage_free ? d->max_segs : BLKIF_MAX_SEGMENTS_PER_REQUEST,
		d->segs, &n);
	bool indirect = n > BLKIF_MAX_SEGMENTS_PER_REQUEST;
	struct blk_shadow *s;
	int rc;

	if (d->grants && d->grants + n + indirect > BLK_GRANT_BUDGET)
		return -XEN_EAGAIN;
	rc = grant_segs(d, n, op == BLKIF_OP_WRITE);
	if (rc)
		return rc;
	s = blk_ring_get(&d->ring, r);
	if (indirect) {
		ip = (unsigned int)__builtin_ctz(d->ipage_free);
		rc = gnttab_grant_access(d->xb.backend_id, d->ipage[ip], true);
		if (rc < 0) {
			for (unsigned int i = 0; i < n; i++)
				gnttab_end_access(d->refs[i]);
			blk_ring_release(&d->ring, s);
			return rc == -XEN_ENOSPC && d->grants ? -XEN_EAGAIN
							      : rc;
		}
		d->ipage_free &= ~(1U << ip);
		s->ipage = (uint16_t)ip;
		blk_fill_indirect(&s->req, op, d->handle, sector, d->segs,
				  d->refs, n, d->ipage[ip], (grant_ref_t)rc);
	} else {
		blk_fill_rw(&s->req, op, d->handle, sector, d->segs, d->refs,
			    n);
	}
	s->bytes = (uint32_t)bytes;
	blk_ring_put(&d->ring, s);
	d->grants += n + indirect;
	d->stats.grants += n + indirect;
	r->issued += bytes;
	r->pending++;
	if (r->issued == total)
		dequeue_head(d);
	return 0;
}

void blkfront_issue(struct blkdev *d)
{
	struct blkdev_req *r;
	bool put = false;
	int rc;

	if (d->dead || d->parked)
		return;
	while ((r = d->qhead) && blk_ring_room(&d->ring)) {
		if (r->status) { /* a piece failed: the rest is not sent */
			dequeue_head(d);
			blkfront_finish(d, r);
			continue;
		}
		rc = r->op == BLKDEV_FLUSH ? put_flush(d, r) : put_rw(d, r);
		if (rc == -XEN_EAGAIN)
			break;
		if (rc) {
			r->status = rc;
			dequeue_head(d);
			blkfront_finish(d, r);
			continue;
		}
		put = true;
	}
	if (!put)
		return;
	if (blk_ring_in_flight(&d->ring) > d->stats.max_in_flight)
		d->stats.max_in_flight = blk_ring_in_flight(&d->ring);
	if (blk_ring_push(&d->ring)) {
		d->stats.notifies++;
		evtchn_notify(d->port);
	}
}

/* Takes every response there is, then asks for an event at the next. */
static void reap(struct blkdev *d)
{
	struct blk_done done;
	int rc;

	do {
		while ((rc = blk_ring_take(&d->ring, &done)) == 1)
			retire(d, done.slot, done.status);
		if (rc < 0) {
			blkfront_fail_all(d, -XEN_EIO, d->ring.why);
			return;
		}
	} while (blk_ring_arm(&d->ring));
}

static void completion_thread(void *arg)
{
	struct blkdev *d = arg;

	for (;;) {
		wait_event(d->xb.wq,
			   d->kicked || d->stopping ||
				   (d->xb.be_gone && !d->dead && !d->parked));
		if (d->stopping)
			break;
		d->kicked = false;
		if (!d->dead)
			reap(d);
		if (d->xb.be_gone && !d->dead && !d->parked) {
			char why[64];

			snprintf(why, sizeof(why), "the backend went away (%s)",
				 xenbus_state_name(d->xb.gone_state));
			blkfront_fail_all(d, -XEN_ENOTCONN, why);
		}
		blkfront_issue(d);
	}
}

int blkfront_start(struct blkdev *d)
{
	d->worker = kthread_create(d->info.name, completion_thread, d);
	return d->worker ? 0 : -XEN_ENOMEM;
}

void blkfront_stop(struct blkdev *d)
{
	if (!d->worker)
		return;
	d->stopping = true;
	wake_all(&d->xb.wq);
	thread_join(d->worker);
	d->worker = NULL;
}
