/*
 * blkfront.c - connecting a disk (device/vbd/<vdev>) to its backend,
 * Linux's blkback in dom0, over the xenbus frontend layer
 * (kernel/xenbus/frontend.h; docs/blk.md walks it):
 *
 *   backend: InitWait, with max-ring-page-order and
 *            feature-max-indirect-segments written when it started
 *   we:      a ring of 2^order pages (ring-ref, or ring-ref0..N and
 *            ring-page-order), event-channel, protocol; Initialised
 *   backend: Connected, with sectors, info, sector-size,
 *            physical-sector-size, feature-flush-cache, feature-barrier
 *   we:      check them, Connected
 *
 * Nothing the backend wrote is used before it is checked
 * (blk_params.c): a malformed value refuses the disk with EBADMSG.
 */
#include <arch/layout.h>
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include <xen/io/protocols.h>
#include "kernel/drivers/blk/blkfront.h"

/* A backend key: 0 with *val, or its default when absent. */
static int be_ulong(struct blkdev *d, const char *key, unsigned long max,
		    unsigned long def, bool required, unsigned long *val)
{
	char path[XENBUS_PATH_MAX + 40];
	int rc;

	snprintf(path, sizeof(path), "%s/%s", d->xb.backend, key);
	rc = xs_read_ulong(XS_TX_NONE, path, max, val);
	if (rc == -XEN_ENOENT && !required) {
		*val = def;
		return 0;
	}
	if (rc)
		printk("%s: backend's %s: %s\n", d->info.name, key,
		       rc == -XEN_EBADMSG ? "not a number in range"
					  : xs_error_name(rc));
	return rc == -XEN_ENOENT ? -XEN_EBADMSG : rc;
}

/* The keys the backend writes when it starts come before InitWait. */
static int await_backend(struct blkdev *d)
{
	struct deadline dl = { 0 };

	deadline_start(&dl, &d->xb.wq, d->xb.connect_ns);
	wait_event(d->xb.wq, d->xb.be_state >= XenbusStateInitWait ||
				     d->xb.be_gone || dl.passed);
	deadline_stop(&dl);
	if (d->xb.be_state >= XenbusStateInitWait || d->xb.be_gone)
		return 0; /* a refusal is xenbus_connect's to report */
	printk("%s: backend %s did not start within %lu ms (state %s)\n",
	       d->info.name, d->xb.backend,
	       (unsigned long)(d->xb.connect_ns / NSEC_PER_MSEC),
	       xenbus_state_name(d->xb.be_state));
	return -XEN_ETIMEDOUT;
}

static int read_offer(struct blkdev *d)
{
	int rc = be_ulong(d, "max-ring-page-order", 64, 0, false,
			  &d->be.max_ring_order);

	if (!rc)
		rc = be_ulong(d, "feature-max-indirect-segments", ~0UL, 0,
			      false, &d->be.max_indirect);
	return rc;
}

/* What the backend says once Connected, checked, into d->info. */
static int read_disk(struct blkdev *d)
{
	struct blk_backend *b = &d->be;
	unsigned long sectors, flush, barrier;
	const char *why;
	int rc;

	rc = be_ulong(d, "sectors", ~0UL, 0, true, &sectors);
	if (!rc)
		rc = be_ulong(d, "sector-size", ~0UL, 0, true, &b->sector_size);
	if (!rc)
		rc = be_ulong(d, "physical-sector-size", ~0UL, 0, false,
			      &b->physical_sector_size);
	if (!rc)
		rc = be_ulong(d, "info", ~0UL, 0, false, &b->info);
	if (!rc)
		rc = be_ulong(d, "feature-flush-cache", 1, 0, false, &flush);
	if (!rc)
		rc = be_ulong(d, "feature-barrier", 1, 0, false, &barrier);
	if (rc)
		return rc;
	b->sectors = sectors;
	b->flush = flush;
	b->barrier = barrier;
	why = blk_backend_check(b);
	if (why) {
		printk("%s: backend %s: %s; not using the disk\n", d->info.name,
		       d->xb.backend, why);
		return -XEN_EBADMSG;
	}
	d->info.sector_size = (uint32_t)b->sector_size;
	d->info.physical_sector_size =
		(uint32_t)(b->physical_sector_size ? b->physical_sector_size
						   : b->sector_size);
	d->info.sectors = b->sectors / (b->sector_size / 512);
	d->info.readonly = b->info & VDISK_READONLY;
	d->info.removable = b->info & VDISK_REMOVABLE;
	d->info.cdrom = b->info & VDISK_CDROM;
	d->info.flush = b->flush;
	d->info.barrier = b->barrier;
	return 0;
}

/* The ring, its shadow and (for indirect requests) their pages. */
static int make_ring(struct blkdev *d)
{
	size_t bytes = PAGE_SIZE << d->ring_order;
	unsigned int slots = blk_ring_slots(bytes);
	void *sring;
	int rc;

	rc = xenbus_grant_ring_pages(&d->xb, "ring-ref", d->ring_order, &sring);
	if (rc)
		return rc;
	d->shadow = kcalloc(slots, sizeof(*d->shadow));
	if (!d->shadow)
		return -XEN_ENOMEM;
	rc = blk_ring_init(&d->ring, sring, bytes, d->shadow, slots);
	if (rc)
		return rc;
	for (unsigned int i = 0;
	     d->max_segs > BLKIF_MAX_SEGMENTS_PER_REQUEST && i < BLK_IPAGES;
	     i++) {
		d->ipage[i] = alloc_pages(0);
		if (!d->ipage[i])
			return -XEN_ENOMEM;
		d->ipage_free |= 1U << i;
	}
	d->info.ring_pages = 1U << d->ring_order;
	d->info.ring_slots = slots;
	d->info.indirect_segments =
		d->max_segs > BLKIF_MAX_SEGMENTS_PER_REQUEST ? d->max_segs : 0;
	d->info.max_request_bytes = d->max_segs * (unsigned int)PAGE_SIZE;
	return 0;
}

int blkfront_connect(struct blkdev *d, unsigned int vdev, const char *name)
{
	int rc;

	snprintf(d->info.name, sizeof(d->info.name), "%s", name);
	d->info.vdev = vdev;
	d->handle = (uint16_t)vdev;
	rc = xenbus_open(&d->xb, "vbd", vdev);
	if (rc)
		return rc;
	d->xb.detail = d->info.name;
	rc = await_backend(d);
	if (!rc)
		rc = read_offer(d);
	if (rc)
		return rc;
	d->ring_order = blk_ring_order(&d->be, d->opts.ring_order);
	d->max_segs = blk_max_segments(&d->be, d->opts.max_segments);
	trace_dev("%s: backend offers max-ring-page-order %lu, "
		  "feature-max-indirect-segments %lu; we take %u ring "
		  "page(s), %u segments per request",
		  d->info.name, d->be.max_ring_order, d->be.max_indirect,
		  1U << d->ring_order, d->max_segs);
	rc = make_ring(d);
	if (rc)
		return rc;
	rc = xenbus_alloc_evtchn(&d->xb, "event-channel", blkfront_event, d);
	if (rc < 0)
		return rc;
	d->port = (evtchn_port_t)rc;
	d->keys[0] = (struct xenbus_key){ "protocol", XEN_IO_PROTO_ABI_NATIVE };
	d->nkeys = 1;
	if (d->ring_order) {
		snprintf(d->order_str, sizeof(d->order_str), "%u",
			 d->ring_order);
		d->keys[d->nkeys++] =
			(struct xenbus_key){ "ring-page-order", d->order_str };
	}
	rc = xenbus_connect(&d->xb, d->keys, d->nkeys);
	if (rc)
		return rc;
	rc = read_disk(d);
	if (rc) {
		xenbus_close(&d->xb);
		return rc;
	}
	trace_dev("%s: %llu sectors of %u bytes (physical %u), %s%s%s%s; "
		  "%u ring slots, %u bytes per request%s",
		  d->info.name, (unsigned long long)d->info.sectors,
		  d->info.sector_size, d->info.physical_sector_size,
		  d->info.readonly ? "read-only" : "read-write",
		  d->info.removable ? ", removable" : "",
		  d->info.flush ? ", flush-cache" : "",
		  d->info.barrier ? ", barrier" : "", d->info.ring_slots,
		  d->info.max_request_bytes,
		  d->info.indirect_segments ? " (indirect)" : "");
	return 0;
}

void blkfront_disconnect(struct blkdev *d)
{
	xenbus_release(&d->xb);
	for (unsigned int i = 0; i < BLK_IPAGES; i++)
		if (d->ipage_free & 1U << i)
			free_pages(d->ipage[i], 0);
	d->ipage_free = 0;
	kfree(d->shadow);
	d->shadow = NULL;
}
