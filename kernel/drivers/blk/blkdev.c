/*
 * blkdev.c - the disk API (<pvmini/blkdev.h>, docs/blk.md): disks by
 * name, the checks every request passes before it is queued, and the
 * synchronous calls. A request that is wrong - misaligned, out of the
 * disk, a write to a read-only disk - is refused here, at the call:
 * the backend never sees it, so its error never comes back later from
 * the other domain.
 */
#include <pvmini/console.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include "kernel/drivers/blk/blk_vdev.h"
#include "kernel/drivers/blk/blkfront.h"

#define MAX_DISKS 64

static struct blkdev *open_disks;
static struct mutex open_lock = MUTEX_INIT;

int blkdev_list(char (*names)[BLKDEV_NAME_MAX], unsigned int max)
{
	unsigned int ids[MAX_DISKS];
	int n = xenbus_list("vbd", ids, MAX_DISKS);

	for (int i = 0; i < n && i < MAX_DISKS && (unsigned int)i < max; i++)
		blk_vdev_name(ids[i], names[i], BLKDEV_NAME_MAX);
	return n;
}

/* The number of the disk called name, or -XEN_ENOENT with a message
 * that names the disks there are. */
static int find(const char *name, unsigned int *vdev)
{
	unsigned int ids[MAX_DISKS];
	char buf[BLKDEV_NAME_MAX], list[128] = "";
	int n = xenbus_list("vbd", ids, MAX_DISKS);
	size_t len = 0;

	if (n < 0) {
		printk("blk: listing device/vbd: %s\n", xs_error_name(n));
		return n;
	}
	for (int i = 0; i < n && i < MAX_DISKS; i++) {
		blk_vdev_name(ids[i], buf, sizeof(buf));
		if (!strcmp(buf, name)) {
			*vdev = ids[i];
			return 0;
		}
		if (len < sizeof(list))
			len += (size_t)snprintf(list + len, sizeof(list) - len,
						"%s%s", i ? ", " : "", buf);
	}
	if (n)
		printk("blk: no disk '%s'; this domain has %d: %s\n", name, n,
		       list);
	else
		printk("blk: no disk '%s': this domain has no disks (no disk= "
		       "in its cfg)\n",
		       name);
	return -XEN_ENOENT;
}

static bool is_open(unsigned int vdev)
{
	for (struct blkdev *d = open_disks; d; d = d->next)
		if (d->info.vdev == vdev)
			return true;
	return false;
}

static int open_locked(struct blkdev *d, const char *name)
{
	unsigned int vdev = 0;
	int rc = find(name, &vdev);

	if (rc)
		return rc;
	if (is_open(vdev)) {
		printk("blk: %s is open already\n", name);
		return -XEN_EBUSY;
	}
	rc = blkfront_connect(d, vdev, name);
	if (rc)
		return rc;
	rc = blkfront_start(d);
	if (rc)
		xenbus_close(&d->xb);
	return rc;
}

int blkdev_open_opts(const char *name, const struct blkdev_opts *opts,
		     struct blkdev **out)
{
	struct blkdev *d;
	int rc;

	if (!name || !out || !*name ||
	    strnlen(name, BLKDEV_NAME_MAX) == BLKDEV_NAME_MAX)
		return -XEN_EINVAL;
	if (!xenstore_available())
		return -XEN_ENODEV;
	d = kcalloc(1, sizeof(*d));
	if (!d)
		return -XEN_ENOMEM;
	if (opts)
		d->opts = *opts;
	mutex_lock(&open_lock);
	rc = open_locked(d, name);
	if (rc) {
		mutex_unlock(&open_lock);
		blkfront_disconnect(d);
		kfree(d);
		return rc;
	}
	blkfront_pm_register(d);
	d->next = open_disks;
	open_disks = d;
	mutex_unlock(&open_lock);
	*out = d;
	return 0;
}

int blkdev_open(const char *name, struct blkdev **out)
{
	return blkdev_open_opts(name, NULL, out);
}

int blkdev_close(struct blkdev *d)
{
	struct deadline dl = { 0 };
	struct blkdev **pp;
	int rc;

	d->closing = true;
	deadline_start(&dl, &d->done_wq, BLK_DRAIN_NS);
	wait_event(d->done_wq, blkfront_idle(d) || dl.passed);
	deadline_stop(&dl);
	if (!blkfront_idle(d))
		blkfront_fail_all(d, -XEN_ETIMEDOUT,
				  "closing: the backend did not answer "
				  "within 10 s");
	blkfront_stop(d);
	blkfront_pm_unregister(d);
	mutex_lock(&open_lock);
	for (pp = &open_disks; *pp && *pp != d; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = d->next;
	mutex_unlock(&open_lock);
	rc = xenbus_close(&d->xb);
	trace_dev("%s: closed; %lu grant(s) given for requests, %lu ended, "
		  "%lu kept by the backend",
		  d->info.name, d->stats.grants, d->stats.grants_ended,
		  d->stats.grants_kept);
	blkfront_disconnect(d);
	kfree(d);
	return rc;
}

void blkdev_get_info(const struct blkdev *d, struct blkdev_info *out)
{
	*out = d->info;
}

void blkdev_get_stats(const struct blkdev *d, struct blkdev_stats *out)
{
	*out = d->stats;
}

/* Why r cannot be queued on d, or 0. */
static int check(const struct blkdev *d, const struct blkdev_req *r)
{
	const struct blkdev_info *i = &d->info;

	if (d->closing)
		return -XEN_EBADF;
	if (d->dead)
		return d->dead;
	if (r->op == BLKDEV_FLUSH)
		return 0;
	if (r->op != BLKDEV_READ && r->op != BLKDEV_WRITE)
		return -XEN_EINVAL;
	if (!r->count || !r->buf || (uintptr_t)r->buf % i->sector_size)
		return -XEN_EINVAL;
	if (r->op == BLKDEV_WRITE && i->readonly)
		return -XEN_EROFS;
	if (r->sector >= i->sectors || r->count > i->sectors - r->sector)
		return -XEN_ERANGE;
	return 0;
}

int blkdev_submit(struct blkdev *d, struct blkdev_req *r)
{
	int rc;

	if (!r)
		return -XEN_EINVAL;
	r->dev = d;
	r->status = 0;
	r->complete = false;
	r->issued = 0;
	r->pending = 0;
	r->queued = false;
	r->next = NULL;
	rc = d ? check(d, r) : -XEN_EINVAL;
	if (rc) {
		r->status = rc;
		r->complete = true;
		return rc;
	}
	/* Without a cache to flush the disk writes through: done. */
	if (r->op == BLKDEV_FLUSH &&
	    (d->info.readonly || (!d->info.flush && !d->info.barrier))) {
		blkfront_finish(d, r);
		return 0;
	}
	blkfront_enqueue(d, r);
	blkfront_issue(d);
	return 0;
}

int blkdev_wait(struct blkdev_req *r)
{
	if (!r)
		return -XEN_EINVAL;
	if (!r->complete)
		wait_event(r->dev->done_wq, r->complete);
	return r->status;
}

static int sync_req(struct blkdev *d, enum blkdev_op op, uint64_t sector,
		    uint64_t count, void *buf)
{
	struct blkdev_req r = {
		.op = op, .sector = sector, .count = count, .buf = buf
	};
	int rc = blkdev_submit(d, &r);

	return rc ? rc : blkdev_wait(&r);
}

int blkdev_read(struct blkdev *d, uint64_t sector, uint64_t count, void *buf)
{
	return sync_req(d, BLKDEV_READ, sector, count, buf);
}

int blkdev_write(struct blkdev *d, uint64_t sector, uint64_t count,
		 const void *buf)
{
	return sync_req(d, BLKDEV_WRITE, sector, count, (void *)buf);
}

int blkdev_flush(struct blkdev *d)
{
	return sync_req(d, BLKDEV_FLUSH, 0, 0, NULL);
}
