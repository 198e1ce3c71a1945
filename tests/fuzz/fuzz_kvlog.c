/*
 * fuzz_kvlog.c - kvstore's recovery (apps/kvstore/kvlog.c) on any disk
 * contents, and its request parser (kvproto.c) on any line.
 *
 * recover: a store made by a short random workload (tests/unit/
 * kvmodel.h), then damaged - bits flipped, sectors zeroed, filled with
 * random bytes or copied from elsewhere on the disk, header slots
 * swapped or mangled - or a disk of random bytes altogether. Opening it
 * must not crash (ASan, UBSan) and must either refuse it or yield an
 * index that agrees with itself (count and bytes equal to what its
 * entries add up to); then a PUT, a commit and a reopen must find the
 * same index with that PUT in it.
 *
 * proto: random lines, mostly made of the protocol's own words: never a
 * crash; a request's key and value lie inside the line and obey the
 * limits; ERR comes with a reason.
 */
#include "../unit/kvmodel.h"
#include "../unit/memdisk.h"
#include "apps/kvstore/kvproto.h"
#include "fuzz.h"

#define DISK (4096 + 2 * KVLOG_REGION_MIN)

static struct kvlog_params params(void)
{
	return (struct kvlog_params){ .unit = 512,
				      .disk_bytes = DISK,
				      .max_keys = 64,
				      .compact_at = 48 * 1024,
				      .gen_seed = 5 };
}

static int open_on(struct kvlog *l, struct memdisk *d)
{
	struct kvlog_io io = memdisk_io(d);
	struct kvlog_params p = params();
	struct kvlog_recovery rec;
	char why[160];

	return kvlog_open(l, &io, &p, &rec, why, sizeof(why));
}

static bool self_consistent(const struct kvindex *x)
{
	const struct kv_entry *e = NULL;
	size_t b = 0, n = 0;
	uint64_t bytes = 0;

	while ((e = kvindex_next(x, &b, e))) {
		n++;
		bytes += kvindex_rec_bytes(e->klen, e->vlen);
		if (kvindex_get(x, e->data, e->klen) != e)
			return false;
	}
	return n == x->count && bytes == x->bytes;
}

static void damage(uint8_t *img)
{
	int n = 1 + (int)fz_below(6);

	while (n--) {
		size_t s = fz_below(DISK / 512), o = s * 512;

		if (fz_chance(30))
			s = fz_below(40); /* the headers and the log's start */
		o = s * 512;
		switch (fz_below(5)) {
		case 0:
			img[o + fz_below(512)] ^= (uint8_t)(1 << fz_below(8));
			break;
		case 1:
			memset(img + o, 0, 512);
			break;
		case 2:
			fz_fill(img + o, 512);
			break;
		case 3:
			memcpy(img + o, img + fz_below(DISK / 512) * 512, 512);
			break;
		default:
			memcpy(img + o, img + (s ^ 1) * 512, 512);
			break;
		}
	}
}

FUZZ(recover, 300)
{
	static struct km_op ops[200];
	struct memdisk d, d2;
	struct kvlog l;
	int acked, issued, rc;
	size_t count;

	memdisk_init(&d, DISK, 512);
	if (fz_chance(10)) {
		fz_fill(d.img, DISK);
	} else {
		km_gen(ops, 200, fz_u64);
		FZ_CHECK(!open_on(&l, &d), "a blank disk would not open");
		km_run(&l, ops, 0, 50 + (int)fz_below(150), fz_u64, &acked,
		       &issued);
		kvlog_close(&l);
		damage(d.img);
	}
	memdisk_from(&d2, d.img, DISK, 512);
	memdisk_free(&d);
	rc = open_on(&l, &d2);
	if (rc) {
		FZ_CHECK(rc == -EINVAL, "refused with %d, not EINVAL", rc);
		memdisk_free(&d2);
		return;
	}
	FZ_CHECK(self_consistent(&l.idx), "the recovered index disagrees");
	count = l.idx.count;
	rc = kvlog_stage(&l, "fuzz-key", 8, "v", 1);
	if (!rc)
		rc = kvlog_commit(&l, NULL, NULL);
	FZ_CHECK(!rc || rc == -ENOSPC, "a PUT after recovery: %d", rc);
	kvlog_close(&l);
	FZ_CHECK(!open_on(&l, &d2), "the store did not reopen");
	FZ_CHECK(self_consistent(&l.idx), "the reopened index disagrees");
	FZ_CHECK(rc || kvindex_get(&l.idx, "fuzz-key", 8),
		 "the PUT after recovery was lost");
	FZ_CHECK(l.idx.count >= count, "keys lost on reopen");
	kvlog_close(&l);
	memdisk_free(&d2);
}

FUZZ(proto, 200000)
{
	static const char *parts[] = { "PUT", "GET",  "DEL", "STATS", "QUIT",
				       " ",   "  ",   "\r",  "\t",    "k",
				       "x=1", "\x01", "put", "\xff" };
	char line[KVP_LINE_MAX + 64];
	size_t n = 0;
	struct kvp_req r;

	while (n < sizeof(line) - 8 && fz_chance(90)) {
		if (fz_chance(5)) {
			size_t run = fz_below(KV_VALUE_MAX + 8);

			if (run > sizeof(line) - n)
				run = sizeof(line) - n;
			memset(line + n, 'a', run);
			n += run;
		} else {
			const char *p = parts[fz_below(14)];
			size_t k = strlen(p);

			if (n + k > sizeof(line))
				break;
			memcpy(line + n, p, k);
			n += k;
		}
	}
	kvp_parse(line, n, &r);
	if (r.cmd == KVP_ERR) {
		FZ_CHECK(r.err && *r.err, "ERR without a reason");
		return;
	}
	if (r.cmd == KVP_PUT || r.cmd == KVP_GET || r.cmd == KVP_DEL) {
		FZ_CHECK(r.key > line && r.key + r.klen <= line + n,
			 "key outside the line");
		FZ_CHECK(r.klen >= 1 && r.klen <= KV_KEY_MAX, "key length");
		for (size_t i = 0; i < r.klen; i++)
			FZ_CHECK(r.key[i] > ' ' && r.key[i] < 0x7f,
				 "key byte %#x", (unsigned char)r.key[i]);
	}
	if (r.cmd == KVP_PUT)
		FZ_CHECK(r.val > r.key && r.val + r.vlen <= line + n &&
				 r.vlen <= KV_VALUE_MAX,
			 "value outside the line or too long");
}
