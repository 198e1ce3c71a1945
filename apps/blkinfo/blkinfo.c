/*
 * blkinfo - the domain's disks (<pvmini/blkdev.h>, docs/blk.md).
 *
 *   blkinfo                 each disk: size, sector size, read-only or
 *                           not, and what blkfront negotiated with the
 *                           backend
 *   blkinfo sha256 xvda     the SHA-256 of the whole disk (compare it
 *                           with dom0's sha256sum of the backing file)
 *
 * The digest reads the disk in 256 KiB pieces, two in flight: the next
 * piece is read while the last one is hashed.
 */
#include <pvmini.h>
#include <pvmini/blkdev.h>
#include <pvmini/page_alloc.h>
#include "sha256.h"

#define PIECE_ORDER 6 /* 64 pages: 256 KiB */
#define PIECE (4096UL << PIECE_ORDER)

static int show(const char *name)
{
	struct blkdev_info i;
	struct blkdev *d;
	int rc = blkdev_open(name, &d);

	if (rc) {
		printk("blkinfo: %s: %s\n", name, xs_error_name(rc));
		return rc;
	}
	blkdev_get_info(d, &i);
	printk("%s: vdev %u, %llu sectors of %u bytes (%llu KiB), physical "
	       "sector %u, %s%s%s\n",
	       i.name, i.vdev, (unsigned long long)i.sectors, i.sector_size,
	       (unsigned long long)(i.sectors * i.sector_size / 1024),
	       i.physical_sector_size, i.readonly ? "read-only" : "read-write",
	       i.removable ? ", removable" : "", i.cdrom ? ", cdrom" : "");
	printk("%s: flush-cache %s, barrier %s, indirect segments %u, ring "
	       "%u page(s) of %u requests, %u bytes per request\n",
	       i.name, i.flush ? "yes" : "no", i.barrier ? "yes" : "no",
	       i.indirect_segments, i.ring_pages, i.ring_slots,
	       i.max_request_bytes);
	return blkdev_close(d);
}

static int list(void)
{
	char names[16][BLKDEV_NAME_MAX];
	int n = blkdev_list(names, 16), rc = 0;

	if (n < 0) {
		printk("blkinfo: listing disks: %s\n", xs_error_name(n));
		return n;
	}
	printk("blkinfo: %d disk(s)\n", n);
	if (!n)
		printk("blkinfo: add disk=[...] to the cfg to get one\n");
	for (int i = 0; i < n && i < 16; i++)
		rc = show(names[i]) ?: rc;
	return rc;
}

/* Starts reading the piece from `sector` on into buf. */
static int start_piece(struct blkdev *d, const struct blkdev_info *i,
		       struct blkdev_req *r, void *buf, uint64_t sector)
{
	uint64_t left = i->sectors - sector, per = PIECE / i->sector_size;

	*r = (struct blkdev_req){ .op = BLKDEV_READ,
				  .sector = sector,
				  .count = left < per ? left : per,
				  .buf = buf };
	return blkdev_submit(d, r);
}

static int digest(const char *name)
{
	struct blkdev_req req[2];
	struct blkdev_info i;
	struct blkdev *d;
	struct sha256 s;
	uint8_t out[32];
	char hex[65];
	void *buf[2] = { alloc_pages(PIECE_ORDER), alloc_pages(PIECE_ORDER) };
	uint64_t next = 0, t0;
	int rc, k = 0;

	if (!buf[0] || !buf[1])
		return -XEN_ENOMEM;
	rc = blkdev_open(name, &d);
	if (rc) {
		printk("blkinfo: %s: %s\n", name, xs_error_name(rc));
		return rc;
	}
	blkdev_get_info(d, &i);
	sha256_init(&s);
	t0 = monotonic_ns();
	for (int j = 0; j < 2 && next < i.sectors; j++) {
		rc = start_piece(d, &i, &req[j], buf[j], next);
		next += req[j].count;
	}
	for (uint64_t done = 0; !rc && done < i.sectors; k ^= 1) {
		rc = blkdev_wait(&req[k]);
		if (rc)
			break;
		sha256_update(&s, buf[k], req[k].count * i.sector_size);
		done += req[k].count;
		if (next < i.sectors) {
			rc = start_piece(d, &i, &req[k], buf[k], next);
			next += req[k].count;
		}
	}
	t0 = monotonic_ns() - t0;
	if (rc) {
		printk("blkinfo: reading %s: %s\n", name, xs_error_name(rc));
	} else {
		uint64_t bytes = i.sectors * i.sector_size;

		sha256_final(&s, out);
		sha256_hex(out, hex);
		printk("sha256 %s %s\n", name, hex);
		printk("blkinfo: %s: %llu bytes in %llu ms (%llu KB/s)\n", name,
		       (unsigned long long)bytes,
		       (unsigned long long)(t0 / NSEC_PER_MSEC),
		       (unsigned long long)(t0 ? bytes * 1000000 / t0 : 0));
	}
	blkdev_close(d);
	free_pages(buf[0], PIECE_ORDER);
	free_pages(buf[1], PIECE_ORDER);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 1)
		return list() ? 1 : 0;
	if (argc == 3 && !strcmp(argv[1], "sha256"))
		return digest(argv[2]) ? 1 : 0;
	printk("usage: blkinfo [sha256 DISK]\n");
	return 2;
}
