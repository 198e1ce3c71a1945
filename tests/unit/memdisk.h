/*
 * memdisk.h - a disk in memory for kvstore's log (apps/kvstore/kvlog.h),
 * with the two ways a crash can leave a real one:
 *  - budget: writes land sector by sector, in order, until `budget`
 *    sectors have been written; then the "power fails": that write and
 *    every later call fail. A write is thus torn at any sector boundary.
 *  - at crash_image(), each sector written since the last flush is kept
 *    or lost at random (a volatile write cache that reorders).
 * Used by tests/unit/test_kvlog.c and tests/fuzz/fuzz_kvlog.c.
 */
#ifndef MEMDISK_H
#define MEMDISK_H

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apps/kvstore/kvlog.h"

struct memdisk {
	uint8_t *img;	/* what reads see */
	uint8_t *dur;	/* what the last flush made stable */
	uint8_t *dirty; /* per sector: written since the last flush */
	size_t bytes;
	uint32_t unit;
	long budget; /* sectors that may still be written; < 0: no bound */
	int dead;
	unsigned long writes, flushes, sectors;
};

static void memdisk_init(struct memdisk *d, size_t bytes, uint32_t unit)
{
	memset(d, 0, sizeof(*d));
	d->img = calloc(1, bytes);
	d->dur = calloc(1, bytes);
	d->dirty = calloc(1, bytes / unit);
	d->bytes = bytes;
	d->unit = unit;
	d->budget = -1;
}

static void memdisk_free(struct memdisk *d)
{
	free(d->img);
	free(d->dur);
	free(d->dirty);
}

/* A new disk holding img (after a crash: what survived). */
static void memdisk_from(struct memdisk *d, const uint8_t *img, size_t bytes,
			 uint32_t unit)
{
	memdisk_init(d, bytes, unit);
	memcpy(d->img, img, bytes);
	memcpy(d->dur, img, bytes);
}

static int md_check(struct memdisk *d, uint64_t off, const void *buf,
		    size_t len)
{
	if (d->dead)
		return -EIO;
	if (off % d->unit || len % d->unit || (uintptr_t)buf % d->unit ||
	    off + len > d->bytes || off + len < off)
		return -EINVAL;
	return 0;
}

static int md_read(void *ctx, uint64_t off, void *buf, size_t len)
{
	struct memdisk *d = ctx;
	int rc = md_check(d, off, buf, len);

	if (!rc)
		memcpy(buf, d->img + off, len);
	return rc;
}

static int md_write(void *ctx, uint64_t off, const void *buf, size_t len)
{
	struct memdisk *d = ctx;
	int rc = md_check(d, off, buf, len);

	if (rc)
		return rc;
	d->writes++;
	for (size_t s = 0; s < len; s += d->unit) {
		if (d->budget == 0) {
			d->dead = 1;
			return -EIO;
		}
		if (d->budget > 0)
			d->budget--;
		memcpy(d->img + off + s, (const uint8_t *)buf + s, d->unit);
		d->dirty[(off + s) / d->unit] = 1;
		d->sectors++;
	}
	return 0;
}

static int md_flush(void *ctx)
{
	struct memdisk *d = ctx;

	if (d->dead)
		return -EIO;
	d->flushes++;
	for (size_t i = 0; i < d->bytes / d->unit; i++)
		if (d->dirty[i]) {
			memcpy(d->dur + i * d->unit, d->img + i * d->unit,
			       d->unit);
			d->dirty[i] = 0;
		}
	return 0;
}

static struct kvlog_io memdisk_io(struct memdisk *d)
{
	return (struct kvlog_io){ d, md_read, md_write, md_flush };
}

/* The image a crash leaves when the write cache loses sectors: each
 * sector written since the last flush survives if rnd() is odd. Into
 * out (d->bytes). */
static __attribute__((unused)) void memdisk_crash_image(const struct memdisk *d,
							uint8_t *out,
							uint64_t (*rnd)(void))
{
	memcpy(out, d->dur, d->bytes);
	for (size_t i = 0; i < d->bytes / d->unit; i++)
		if (d->dirty[i] && (rnd() & 1))
			memcpy(out + i * d->unit, d->img + i * d->unit,
			       d->unit);
}

#endif
