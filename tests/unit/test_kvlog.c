/*
 * test_kvlog.c - kvstore's log (apps/kvstore): its checksum, record and
 * header formats, index, line protocol, and above all recovery: a crash
 * torn at every sector boundary of a workload that compacts, and crashes
 * that lose random unflushed sectors, each followed by a recovery that
 * must hold every acknowledged operation and nothing out of order, and
 * by more work and another recovery (a dropped tail must stay dropped).
 */
#include <stdlib.h>

#include "apps/kvstore/crc32c.h"
#include "apps/kvstore/kvlog_priv.h"
#include "apps/kvstore/kvproto.h"
#include "kvmodel.h"
#include "memdisk.h"
#include "unit.h"

#define DISK (4096 + 2 * KVLOG_REGION_MIN)

static uint64_t rs;
static uint64_t rnd(void)
{
	rs = rs * 6364136223846793005ULL + 1442695040888963407ULL;
	return rs >> 11 ^ rs << 7;
}

static struct kvlog_params params(void)
{
	return (struct kvlog_params){ .unit = 512,
				      .disk_bytes = DISK,
				      .max_keys = 64,
				      .compact_at = 48 * 1024,
				      .gen_seed = 100 };
}

static int open_on(struct kvlog *l, struct memdisk *d,
		   struct kvlog_recovery *rec)
{
	struct kvlog_io io = memdisk_io(d);
	struct kvlog_params p = params();
	char why[160];

	return kvlog_open(l, &io, &p, rec, why, sizeof(why));
}

TEST(crc32c_check_value)
{
	CHECK(crc32c(0, "123456789", 9) == 0xe3069283U);
	CHECK(crc32c(crc32c(0, "1234", 4), "56789", 5) == 0xe3069283U);
}

TEST(record_round_trip_and_damage)
{
	uint8_t b[600] = { 0 };
	struct kvrec r;
	size_t n = kvrec_encode(b, KVREC_PUT, "key", 3, "value", 5, 7, 9);

	CHECK(n == KVREC_HDR + 8);
	CHECK(kvrec_decode(b, sizeof(b), 512, &r) == KVREC_OK);
	CHECK(r.gen == 7 && r.seq == 9 && r.klen == 3 && r.vlen == 5);
	CHECK(!memcmp(r.key, "key", 3) && !memcmp(r.val, "value", 5));
	CHECK(kvrec_decode(b, n - 1, 512, &r) == KVREC_SHORT);
	kvrec_seal(b, 512);
	CHECK(kvrec_decode(b, 512, 512, &r) == KVREC_OK && r.len == 512);
	kvrec_seal(b, 512 + n); /* padding of a whole sector or more */
	CHECK(kvrec_decode(b, sizeof(b), 512, &r) == KVREC_BAD);
	kvrec_seal(b, (uint32_t)n);
	b[KVREC_HDR + 4] ^= 1;
	CHECK(kvrec_decode(b, sizeof(b), 512, &r) == KVREC_BAD);
	memset(b, 0, sizeof(b));
	CHECK(kvrec_decode(b, sizeof(b), 512, &r) == KVREC_NONE);
}

TEST(header_round_trip_and_damage)
{
	struct kvhdr h = { 5, 512, 1, 77, 78, 4096, 262144 }, g;
	uint8_t b[512];

	kvhdr_encode(b, &h);
	CHECK(kvhdr_decode(b, &g) && !memcmp(&g, &h, sizeof(h)));
	b[30] ^= 0x40;
	CHECK(!kvhdr_decode(b, &g));
}

TEST(index_put_replace_delete_iterate)
{
	struct kvindex x;
	const struct kv_entry *e = NULL;
	size_t b = 0, seen = 0;
	char k[16];

	CHECK(!kvindex_init(&x, 10));
	for (int i = 0; i < 100; i++) {
		snprintf(k, sizeof(k), "k%d", i);
		CHECK(!kvindex_put(&x, k, strlen(k), "v", 1));
	}
	CHECK(!kvindex_put(&x, "k5", 2, "longer", 6));
	CHECK(x.count == 100);
	e = kvindex_get(&x, "k5", 2);
	CHECK(e && e->vlen == 6 && !memcmp(e->data + 2, "longer", 6));
	CHECK(kvindex_del(&x, "k7", 2) && !kvindex_del(&x, "k7", 2));
	CHECK(!kvindex_get(&x, "k7", 2) && x.count == 99);
	for (e = NULL; (e = kvindex_next(&x, &b, e));)
		seen++;
	CHECK(seen == 99);
	CHECK(x.bytes == 8 * kvindex_rec_bytes(2, 1) + kvindex_rec_bytes(2, 6) +
				 90 * kvindex_rec_bytes(3, 1));
	kvindex_free(&x);
}

static bool parses(const char *line, enum kvp_cmd cmd, const char *key,
		   const char *val)
{
	struct kvp_req r;

	kvp_parse(line, strlen(line), &r);
	return r.cmd == cmd &&
	       (!key ||
		(r.klen == strlen(key) && !memcmp(r.key, key, r.klen))) &&
	       (!val || (r.vlen == strlen(val) && !memcmp(r.val, val, r.vlen)));
}

TEST(protocol_lines)
{
	char big[KVP_LINE_MAX + 8];

	CHECK(parses("PUT a b c", KVP_PUT, "a", "b c"));
	CHECK(parses("PUT a \r", KVP_PUT, "a", ""));
	CHECK(parses("GET key\r", KVP_GET, "key", NULL));
	CHECK(parses("DEL key", KVP_DEL, "key", NULL));
	CHECK(parses("STATS", KVP_STATS, NULL, NULL));
	CHECK(parses("QUIT", KVP_QUIT, NULL, NULL));
	CHECK(parses("PUT a", KVP_ERR, NULL, NULL));
	CHECK(parses("GET", KVP_ERR, NULL, NULL));
	CHECK(parses("GET a b", KVP_ERR, NULL, NULL));
	CHECK(parses("GET  a", KVP_ERR, NULL, NULL));
	CHECK(parses("STATS x", KVP_ERR, NULL, NULL));
	CHECK(parses("get a", KVP_ERR, NULL, NULL));
	CHECK(parses("", KVP_ERR, NULL, NULL));
	CHECK(parses("PUT a b\001", KVP_ERR, NULL, NULL));
	CHECK(parses("PUT a b\tc", KVP_PUT, "a", "b\tc"));
	memset(big, 'k', sizeof(big));
	memcpy(big, "GET ", 4);
	big[4 + KV_KEY_MAX] = 0;
	CHECK(parses(big, KVP_GET, NULL, NULL));
	big[4 + KV_KEY_MAX] = 'k';
	big[5 + KV_KEY_MAX] = 0;
	CHECK(parses(big, KVP_ERR, NULL, NULL));
	big[5 + KV_KEY_MAX] = 'k';
	memcpy(big, "PUT k ", 6);
	big[6 + KV_VALUE_MAX] = 0;
	CHECK(parses(big, KVP_PUT, "k", NULL));
	big[6 + KV_VALUE_MAX] = 'v';
	big[7 + KV_VALUE_MAX] = 0;
	CHECK(parses(big, KVP_ERR, NULL, NULL));
}

static void note(void *arg, bool put, bool existed)
{
	*(int *)arg = existed + 2 * put;
}

TEST(blank_disk_formats_and_reopens)
{
	struct memdisk d;
	struct kvlog l;
	struct kvlog_recovery rec;
	const struct kv_entry *e;
	int existed = -1;

	memdisk_init(&d, DISK, 512);
	CHECK(!open_on(&l, &d, &rec) && rec.formatted && !rec.records);
	CHECK(!kvlog_stage(&l, "a", 1, "one", 3));
	CHECK(!kvlog_stage(&l, "b", 1, "two", 3));
	CHECK(!kvlog_stage(&l, "a", 1, NULL, 0));
	CHECK(!kvlog_commit(&l, NULL, NULL));
	CHECK(!kvlog_stage(&l, "b", 1, NULL, 0));
	CHECK(!kvlog_commit(&l, note, &existed));
	CHECK(existed == 1);
	kvlog_close(&l);
	CHECK(!open_on(&l, &d, &rec) && !rec.formatted && !rec.torn);
	CHECK(rec.records == 4 && rec.puts == 2 && rec.dels == 2);
	CHECK(l.idx.count == 0);
	CHECK(!kvlog_stage(&l, "c", 1, "three", 5));
	CHECK(!kvlog_commit(&l, NULL, NULL));
	kvlog_close(&l);
	CHECK(!open_on(&l, &d, &rec) && rec.records == 5);
	e = kvindex_get(&l.idx, "c", 1);
	CHECK(e && e->vlen == 5 && !memcmp(e->data + 1, "three", 5));
	kvlog_close(&l);
	memdisk_free(&d);
}

TEST(foreign_disk_refused_format_overrides)
{
	struct memdisk d;
	struct kvlog l;
	struct kvlog_recovery rec;
	struct kvlog_io io;
	struct kvlog_params p = params();
	char why[160];

	memdisk_init(&d, DISK, 512);
	memcpy(d.img + 100, "some file system", 16);
	io = memdisk_io(&d);
	CHECK(kvlog_open(&l, &io, &p, &rec, why, sizeof(why)) == -EINVAL);
	CHECK(strstr(why, "not a kvstore disk"));
	p.format = true;
	CHECK(!kvlog_open(&l, &io, &p, &rec, why, sizeof(why)));
	CHECK(rec.formatted);
	kvlog_close(&l);
	p.format = false;
	p.disk_bytes = DISK / 2; /* the header describes a larger disk */
	CHECK(kvlog_open(&l, &io, &p, &rec, why, sizeof(why)) == -EINVAL);
	p.disk_bytes = 8192;
	p.format = true;
	CHECK(kvlog_open(&l, &io, &p, &rec, why, sizeof(why)) == -ENOSPC);
	memdisk_free(&d);
}

TEST(limits_refuse_at_stage)
{
	struct memdisk d;
	struct kvlog l;
	struct kvlog_recovery rec;
	char k[KV_KEY_MAX + 1], v[KV_VALUE_MAX + 1];

	memset(k, 'k', sizeof(k));
	memset(v, 'v', sizeof(v));
	memdisk_init(&d, DISK, 512);
	CHECK(!open_on(&l, &d, &rec));
	CHECK(kvlog_stage(&l, k, KV_KEY_MAX + 1, "v", 1) == -EINVAL);
	CHECK(kvlog_stage(&l, k, 0, "v", 1) == -EINVAL);
	CHECK(kvlog_stage(&l, k, 1, v, KV_VALUE_MAX + 1) == -EINVAL);
	for (int i = 0; i < 64; i++) {
		snprintf(k, sizeof(k), "key%d", i);
		CHECK(!kvlog_stage(&l, k, strlen(k), "v", 1));
		CHECK(!kvlog_commit(&l, NULL, NULL));
	}
	CHECK(kvlog_stage(&l, "new", 3, "v", 1) == -ENOSPC);
	CHECK(!kvlog_stage(&l, "key1", 4, "replaced", 8));
	kvlog_close(&l);
	memdisk_free(&d);
}

/* One crash: the workload on a fresh store until the disk dies (budget
 * or never), the image a crash leaves, recovery, the prefix check, more
 * work, a clean reopen, the check again. Returns the prefix found, or
 * -1 with why. */
static int crash_once(struct km_op *ops, int n, long budget, bool lose,
		      uint64_t seed, const char **why)
{
	struct memdisk d, d2;
	struct kvlog l;
	struct kvlog_recovery rec;
	uint8_t *img = malloc(DISK);
	int acked, issued, p, a2, i2, res = -1;

	memdisk_init(&d, DISK, 512);
	rs = seed;
	*why = "open";
	if (open_on(&l, &d, &rec))
		goto out;
	d.budget = budget;
	km_run(&l, ops, 0, n / 2, rnd, &acked, &issued);
	kvlog_close(&l);
	if (lose)
		memdisk_crash_image(&d, img, rnd);
	else
		memcpy(img, d.img, DISK);
	memdisk_from(&d2, img, DISK, 512);
	*why = "recovery failed";
	if (open_on(&l, &d2, &rec))
		goto out2;
	p = km_prefix(&l.idx, ops, acked, issued);
	*why = "the recovered state is no prefix from the acknowledged on";
	if (p < 0)
		goto out3;
	*why = "work after recovery failed";
	if (km_run(&l, ops, p, n, rnd, &a2, &i2))
		goto out3;
	kvlog_close(&l);
	*why = "reopen failed";
	if (open_on(&l, &d2, &rec))
		goto out2;
	*why = "after more work, the state is not all of it";
	if (km_prefix(&l.idx, ops, n, n) != n)
		goto out3;
	res = p;
out3:
	kvlog_close(&l);
out2:
	memdisk_free(&d2);
out:
	memdisk_free(&d);
	free(img);
	return res;
}

TEST(torn_at_every_sector_boundary)
{
	static struct km_op ops[1200];
	struct memdisk d;
	struct kvlog l;
	struct kvlog_recovery rec;
	int acked, issued;
	long total;
	unsigned long compactions;
	const char *why;

	rs = 1;
	km_gen(ops, 1200, rnd);
	/* How many sectors the first half writes, uncrashed. */
	memdisk_init(&d, DISK, 512);
	CHECK(!open_on(&l, &d, &rec));
	total = (long)d.sectors;
	rs = 42;
	CHECK(!km_run(&l, ops, 0, 600, rnd, &acked, &issued));
	compactions = l.stats.compactions;
	total = (long)d.sectors - total;
	kvlog_close(&l);
	memdisk_free(&d);
	CHECK(compactions >= 2);
	for (long b = 0; b <= total + 1; b++) {
		int p = crash_once(ops, 1200, b, false, 42, &why);

		if (p < 0) {
			printf("FAIL %s: crash after %ld of %ld sectors: %s\n",
			       unit_current, b, total, why);
			unit_failed_now = 1;
			return;
		}
	}
	printf("# %ld crash points, %lu compactions in the run\n", total + 2,
	       compactions);
}

TEST(crash_loses_random_unflushed_sectors)
{
	static struct km_op ops[800];
	const char *why;

	for (uint64_t seed = 1; seed <= 100; seed++) {
		long budget;

		rs = seed * 7919;
		km_gen(ops, 800, rnd);
		budget = 130 + (long)(rnd() % 900);
		if (crash_once(ops, 800, budget, true, seed, &why) < 0) {
			printf("FAIL %s: seed %llu: %s\n", unit_current,
			       (unsigned long long)seed, why);
			unit_failed_now = 1;
			return;
		}
	}
}

/* Stages key with a value that makes its record exactly one sector. */
static int put_sector(struct kvlog *l, const char *key)
{
	char v[512];
	size_t k = strlen(key);

	memset(v, 'v', sizeof(v));
	return kvlog_stage(l, key, k, v, 512 - KVREC_HDR - k);
}

/* A write of three records (three sectors) whose first sector is lost:
 * recovery drops all three; the next append takes the first's place,
 * and the third - a record of this generation numbered right after it
 * - must not join the log at the next start. Recovery zeroes what
 * follows the end for that (kvlog.h). */
TEST(dropped_tail_stays_dropped)
{
	struct memdisk d, d2;
	struct kvlog l;
	struct kvlog_recovery rec;
	uint64_t r0;

	memdisk_init(&d, DISK, 512);
	CHECK(!open_on(&l, &d, &rec));
	r0 = kvlog_region_off(&l, l.h.active);
	CHECK(!put_sector(&l, "a") && !kvlog_commit(&l, NULL, NULL));
	CHECK(!put_sector(&l, "x1") && !put_sector(&l, "x2"));
	CHECK(!put_sector(&l, "x3") && !kvlog_commit(&l, NULL, NULL));
	kvlog_close(&l);
	memset(d.img + r0 + 512, 0, 512); /* x1 never landed */
	memdisk_from(&d2, d.img, DISK, 512);
	CHECK(!open_on(&l, &d2, &rec));
	CHECK(rec.records == 1 && rec.end == 512 && l.idx.count == 1);
	CHECK(!put_sector(&l, "y") && !kvlog_commit(&l, NULL, NULL));
	kvlog_close(&l);
	CHECK(!open_on(&l, &d2, &rec));
	CHECK(rec.records == 2 && l.idx.count == 2);
	CHECK(!kvindex_get(&l.idx, "x2", 2) && !kvindex_get(&l.idx, "x3", 2));
	kvlog_close(&l);
	memdisk_free(&d);
	memdisk_free(&d2);
}

/* A compaction cut short after it wrote the live records but before the
 * header switch; after recovery, fewer keys are live and a compaction
 * writes them, laid out as the first attempt's first ones. Its
 * generation must differ from the first attempt's, or the first
 * attempt's later records would continue the new log at the next
 * start (the reservation in kvlog_compact). */
TEST(compaction_cut_short_leaves_nothing_behind)
{
	struct memdisk d, d2;
	struct kvlog l;
	struct kvlog_recovery rec;
	const struct kv_entry *e = NULL, *order[10];
	char keys[10][16];
	size_t b = 0, n = 0;

	memdisk_init(&d, DISK, 512);
	CHECK(!open_on(&l, &d, &rec));
	for (int i = 0; i < 10; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%02d", i);
		CHECK(!put_sector(&l, keys[i]));
	}
	CHECK(!kvlog_commit(&l, NULL, NULL));
	d.budget = 1 + 10; /* the reservation and the records, no switch */
	CHECK(kvlog_compact(&l) == -EIO);
	kvlog_close(&l);
	memdisk_from(&d2, d.img, DISK, 512);
	CHECK(!open_on(&l, &d2, &rec) && l.idx.count == 10);
	while ((e = kvindex_next(&l.idx, &b, e)))
		order[n++] = e;
	CHECK(n == 10);
	for (int i = 5; i < 10; i++) {
		char k[8];

		memcpy(k, order[i]->data, order[i]->klen);
		CHECK(!kvlog_stage(&l, k, order[i]->klen, NULL, 0));
	}
	CHECK(!kvlog_commit(&l, NULL, NULL));
	CHECK(!kvlog_compact(&l) && l.idx.count == 5);
	kvlog_close(&l);
	CHECK(!open_on(&l, &d2, &rec));
	CHECK(rec.records == 5 && l.idx.count == 5);
	kvlog_close(&l);
	memdisk_free(&d);
	memdisk_free(&d2);
}
