/*
 * blkinfo - the domain's disks (<pvmini/blkdev.h>, docs/blk.md).
 *
 *   blkinfo                 each disk: size, sector size, read-only or
 *                           not, and what blkfront negotiated with the
 *                           backend
 *   blkinfo sha256 xvda [PIECE_KIB [DEPTH]]
 *                           the SHA-256 of the whole disk (compare it
 *                           with dom0's sha256sum of the backing file)
 *
 * The digest reads the disk in pieces (256 KiB) with several in flight
 * (2): the next ones are read while the last one is hashed. 4 KiB
 * pieces 64 at a time keep the ring full of small requests.
 */
#include <pvmini.h>
#include <pvmini/blkdev.h>
#include <pvmini/page_alloc.h>
#include "sha256.h"

#define PIECE_ORDER 6 /* 64 pages: 256 KiB */
#define MAX_DEPTH 64

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

struct digest {
	struct blkdev *d;
	struct blkdev_info i;
	struct blkdev_req req[MAX_DEPTH];
	void *buf[MAX_DEPTH];
	uint64_t piece; /* sectors */
	uint64_t next;	/* the next sector to ask for */
};

/* Asks for the next piece into slot k, if the disk has more. */
static int next_piece(struct digest *g, unsigned int k)
{
	uint64_t left = g->i.sectors - g->next;

	if (!left)
		return 0;
	g->req[k] =
		(struct blkdev_req){ .op = BLKDEV_READ,
				     .sector = g->next,
				     .count = left < g->piece ? left : g->piece,
				     .buf = g->buf[k] };
	g->next += g->req[k].count;
	return blkdev_submit(g->d, &g->req[k]);
}

/* The disk's SHA-256, read in pieces of `kib` KiB, depth at a time:
 * they complete in any order and are hashed in order. */
static int digest(const char *name, unsigned long kib, unsigned int depth)
{
	static struct digest g;
	struct blkdev_stats st;
	struct sha256 s;
	uint8_t out[32];
	char hex[65];
	uint64_t t0, done = 0;
	unsigned int k = 0;
	int rc;

	rc = blkdev_open(name, &g.d);
	if (rc) {
		printk("blkinfo: %s: %s\n", name, xs_error_name(rc));
		return rc;
	}
	blkdev_get_info(g.d, &g.i);
	g.piece = kib * 1024 / g.i.sector_size;
	g.next = 0;
	for (unsigned int j = 0; j < depth; j++)
		g.buf[j] = alloc_pages(PIECE_ORDER);
	sha256_init(&s);
	t0 = monotonic_ns();
	for (unsigned int j = 0; j < depth && !rc; j++)
		rc = g.buf[j] ? next_piece(&g, j) : -XEN_ENOMEM;
	for (; !rc && done < g.i.sectors; k = (k + 1) % depth) {
		rc = blkdev_wait(&g.req[k]);
		if (rc)
			break;
		sha256_update(&s, g.buf[k], g.req[k].count * g.i.sector_size);
		done += g.req[k].count;
		rc = next_piece(&g, k);
	}
	t0 = monotonic_ns() - t0;
	blkdev_get_stats(g.d, &st);
	if (rc) {
		printk("blkinfo: reading %s: %s\n", name, xs_error_name(rc));
	} else {
		uint64_t bytes = g.i.sectors * g.i.sector_size;

		sha256_final(&s, out);
		sha256_hex(out, hex);
		printk("sha256 %s %s\n", name, hex);
		printk("blkinfo: %s: %llu bytes in %llu ms (%llu KB/s), %lu KiB "
		       "pieces, %u at a time, at most %lu ring requests in "
		       "flight\n",
		       name, (unsigned long long)bytes,
		       (unsigned long long)(t0 / NSEC_PER_MSEC),
		       (unsigned long long)(t0 ? bytes * 1000000 / t0 : 0), kib,
		       depth, st.max_in_flight);
	}
	blkdev_close(g.d); /* waits for pieces still in flight */
	for (unsigned int j = 0; j < depth; j++)
		if (g.buf[j])
			free_pages(g.buf[j], PIECE_ORDER);
	return rc;
}

int main(int argc, char **argv)
{
	unsigned long kib = 256, depth = 2;

	if (argc == 1)
		return list() ? 1 : 0;
	if (argc >= 3 && argc <= 5 && !strcmp(argv[1], "sha256") &&
	    (argc < 4 ||
	     (!parse_ulong(argv[3], 256, &kib) && kib && (kib & 3) == 0)) &&
	    (argc < 5 || (!parse_ulong(argv[4], MAX_DEPTH, &depth) && depth)))
		return digest(argv[2], kib, (unsigned int)depth) ? 1 : 0;
	printk("usage: blkinfo [sha256 DISK [PIECE_KIB [DEPTH]]]\n"
	       "  PIECE_KIB: 4 to 256, a multiple of 4 (default 256); "
	       "DEPTH: 1 to %d (default 2)\n",
	       MAX_DEPTH);
	return 2;
}
