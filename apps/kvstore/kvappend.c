/*
 * kvappend.c - kvstore's appends (stage, then commit: one write at the
 * tail, one flush) and compaction (kvlog.h gives the rules).
 */
#include <errno.h>
#include <string.h>

#include "kvlog_priv.h"

static void drop_staged(struct kvlog *l)
{
	l->staged = 0;
	l->staged_recs = l->staged_new = 0;
	l->staged_bytes = 0;
}

int kvlog_stage(struct kvlog *l, const char *key, size_t klen, const char *val,
		size_t vlen)
{
	size_t n;

	if (l->failed)
		return -EIO;
	if (klen < 1 || klen > KV_KEY_MAX || (val && vlen > KV_VALUE_MAX))
		return -EINVAL;
	if (!val)
		vlen = 0;
	n = KVREC_HDR + klen + vlen;
	if (l->staged + n + l->p.unit > KVLOG_BATCH)
		return -EAGAIN;
	if (val) {
		bool is_new = !kvindex_get(&l->idx, key, klen);

		if ((is_new && l->idx.count + l->staged_new >= l->p.max_keys) ||
		    l->idx.bytes + l->staged_bytes + n > kvlog_live_max(l))
			return -ENOSPC;
		l->staged_new += is_new;
		l->staged_bytes += n;
	}
	kvrec_encode(l->stage + l->staged, val ? KVREC_PUT : KVREC_DEL, key,
		     klen, val, vlen, 0, 0);
	l->last_rec = l->staged;
	l->staged += n;
	l->staged_recs++;
	return 0;
}

/* Each record's length as encoded, without padding. */
static size_t body_len(const uint8_t *p)
{
	return KVREC_HDR + kv_get16(p + 16) + kv_get32(p + 12);
}

static int apply(struct kvlog *l, void (*applied)(void *, bool, bool),
		 void *arg)
{
	for (size_t p = 0; p < l->staged; p += body_len(l->stage + p)) {
		const uint8_t *r = l->stage + p;
		const char *key = (const char *)r + KVREC_HDR;
		size_t klen = kv_get16(r + 16);
		bool existed;

		if (r[18] == KVREC_DEL) {
			existed = kvindex_del(&l->idx, key, klen);
		} else {
			existed = kvindex_get(&l->idx, key, klen) != NULL;
			if (kvindex_put(&l->idx, key, klen, key + klen,
					kv_get32(r + 12)))
				return l->failed = -ENOMEM;
		}
		if (applied)
			applied(arg, r[18] == KVREC_PUT, existed);
	}
	return 0;
}

int kvlog_commit(struct kvlog *l,
		 void (*applied)(void *arg, bool put, bool existed), void *arg)
{
	uint64_t padded, seq = l->seq;
	int rc = l->failed;

	if (rc || !l->staged)
		goto out;
	padded = kv_round_up(l->staged, l->p.unit);
	if (l->tail + padded > l->h.region_bytes) {
		rc = kvlog_compact(l);
		if (!rc && l->tail + padded > l->h.region_bytes)
			rc = -ENOSPC;
		if (rc)
			goto out;
		seq = l->seq;
	}
	/* Numbered and sealed only now: a compaction may come first. */
	memset(l->stage + l->staged, 0, padded - l->staged);
	for (size_t p = 0; p < l->staged; p += body_len(l->stage + p)) {
		uint8_t *r = l->stage + p;

		kv_put64(r + 20, l->h.rgen);
		kv_put64(r + 28, ++seq);
		kvrec_seal(r, (uint32_t)(p == l->last_rec ? padded - p
							  : body_len(r)));
	}
	rc = l->io.write(l->io.ctx, kvlog_region_off(l, l->h.active) + l->tail,
			 l->stage, padded);
	if (!rc)
		rc = l->io.flush(l->io.ctx);
	if (rc) {
		l->failed = rc;
		goto out;
	}
	l->tail += padded;
	l->seq = seq;
	l->stats.commits++;
	l->stats.records += l->staged_recs;
	l->stats.bytes_written += padded;
	rc = apply(l, applied, arg);
out:
	drop_staged(l);
	return rc;
}

int kvlog_maybe_compact(struct kvlog *l)
{
	uint64_t at = l->p.compact_at;

	if (!at || at > l->h.region_bytes)
		at = l->h.region_bytes / 4 * 3;
	/* ... and only when at least half of the log is garbage: a log of
	 * live records alone would be compacted again at once. */
	if (at < 2 * l->idx.bytes)
		at = 2 * l->idx.bytes;
	return l->tail >= at ? kvlog_compact(l) : 0;
}

/* Writes the live records into region `to`, numbered from 1 with
 * generation gen; returns their bytes (padded) in *total. */
static int write_live(struct kvlog *l, unsigned int to, uint64_t gen,
		      uint64_t *total, uint64_t *count)
{
	uint64_t off = kvlog_region_off(l, to), out = 0, seq = 0;
	size_t used = 0, last = 0, b = 0;
	const struct kv_entry *e = NULL;
	int rc;

	while ((e = kvindex_next(&l->idx, &b, e))) {
		size_t n = KVREC_HDR + e->klen + e->vlen;

		if (used + n > 2 * KVLOG_BATCH) {
			size_t w = used & ~(size_t)(l->p.unit - 1);

			rc = l->io.write(l->io.ctx, off + out, l->buf, w);
			if (rc)
				return rc;
			memmove(l->buf, l->buf + w, used - w);
			used -= w;
			out += w;
		}
		last = used;
		used += kvrec_encode(l->buf + used, KVREC_PUT, e->data, e->klen,
				     e->data + e->klen, e->vlen, gen, ++seq);
	}
	*total = out;
	*count = seq;
	if (!seq)
		return 0;
	b = kv_round_up(used, l->p.unit);
	if (out + b > l->h.region_bytes)
		return -ENOSPC;
	memset(l->buf + used, 0, b - used);
	kvrec_seal(l->buf + last, (uint32_t)(b - last));
	*total = out + b;
	return l->io.write(l->io.ctx, off + out, l->buf, b);
}

int kvlog_compact(struct kvlog *l)
{
	struct kvhdr h = l->h;
	uint64_t gen = h.next_gen, total = 0, count = 0, from = l->tail;
	int rc = l->failed;

	if (rc)
		return rc;
	/* 1. Reserve the generation: records of an attempt cut short by a
	 * crash then never match a later one's. */
	h.hgen++;
	h.next_gen = gen + 1;
	rc = kvlog_write_header(l, &h);
	/* 2. The live records into the other region, on stable storage. */
	if (!rc)
		rc = write_live(l, !h.active, gen, &total, &count);
	if (!rc)
		rc = l->io.flush(l->io.ctx);
	/* 3. The switch: one sector. */
	if (!rc) {
		h.hgen++;
		h.active = !h.active;
		h.rgen = gen;
		rc = kvlog_write_header(l, &h);
	}
	if (rc) {
		l->failed = rc;
		return rc;
	}
	l->tail = total;
	l->seq = count;
	l->stats.compactions++;
	l->stats.compacted_from = from;
	l->stats.compacted_to = total;
	return 0;
}
