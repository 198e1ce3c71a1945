/*
 * kvlog.c - opening kvstore's log: the header, the replay of the active
 * region into the index, and the repair of its end (kvlog.h says why).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kvlog_priv.h"

uint64_t kvlog_live_max(const struct kvlog *l)
{
	return l->h.region_bytes / 2;
}

int kvlog_write_header(struct kvlog *l, const struct kvhdr *h)
{
	uint8_t *b = l->stage + KVLOG_BATCH; /* one spare unit */
	int rc;

	memset(b, 0, l->p.unit);
	kvhdr_encode(b, h);
	rc = l->io.write(l->io.ctx, (h->hgen % 2) * l->p.unit, b, l->p.unit);
	if (!rc)
		rc = l->io.flush(l->io.ctx);
	if (rc)
		l->failed = rc;
	else
		l->h = *h;
	return rc;
}

static bool all_zero(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

/* Zeroes [from, from + KVLOG_BATCH) of the active region (as far as it
 * goes) and flushes. */
static int zero_after(struct kvlog *l, uint64_t from)
{
	uint64_t n = l->h.region_bytes - from;
	int rc;

	if (n > KVLOG_BATCH)
		n = KVLOG_BATCH;
	if (!n)
		return 0;
	memset(l->buf, 0, n);
	rc = l->io.write(l->io.ctx, kvlog_region_off(l, l->h.active) + from,
			 l->buf, n);
	return rc ? rc : l->io.flush(l->io.ctx);
}

static int format(struct kvlog *l, uint64_t old_hgen, char *why, size_t wl)
{
	uint64_t start = l->p.unit * 2 > 4096 ? l->p.unit * 2 : 4096;
	uint64_t region = l->p.disk_bytes > start
				  ? (l->p.disk_bytes - start) / 2 & ~4095ULL
				  : 0;
	struct kvhdr h = { .hgen = old_hgen + 1,
			   .unit = l->p.unit,
			   .rgen = l->p.gen_seed ? l->p.gen_seed : 1,
			   .data_start = start };
	int rc;

	if (region < KVLOG_REGION_MIN) {
		snprintf(why, wl,
			 "the disk (%llu bytes) is too small: a store needs "
			 "%llu",
			 (unsigned long long)l->p.disk_bytes,
			 (unsigned long long)(start + 2 * KVLOG_REGION_MIN));
		return -ENOSPC;
	}
	if (region > KVLOG_REGION_MAX)
		region = KVLOG_REGION_MAX;
	h.region_bytes = region;
	h.next_gen = h.rgen + 1;
	l->h = h;
	/* Old records at the start of region 0 must not pass as ours. */
	rc = zero_after(l, 0);
	if (!rc)
		rc = kvlog_write_header(l, &h);
	if (rc)
		snprintf(why, wl, "writing the new store failed (%d)", rc);
	return rc;
}

static bool fits(const struct kvlog *l, const struct kvhdr *h)
{
	return h->unit == l->p.unit && h->active <= 1 &&
	       h->data_start >= 2 * (uint64_t)h->unit &&
	       h->data_start % h->unit == 0 && h->region_bytes % h->unit == 0 &&
	       h->region_bytes >= KVLOG_REGION_MIN &&
	       h->region_bytes <= KVLOG_REGION_MAX &&
	       h->data_start + 2 * h->region_bytes <= l->p.disk_bytes &&
	       h->next_gen > h->rgen;
}

/* Makes sure buf holds region bytes [c, c + need) (or up to the region's
 * end), reading on, and still those from keep (<= c) on. *base: region
 * offset of buf[0]; *have: bytes. */
static int window(struct kvlog *l, uint64_t c, uint64_t keep, uint64_t *base,
		  size_t *have)
{
	uint64_t need = KVREC_HDR + KV_KEY_MAX + KV_VALUE_MAX + l->p.unit;
	uint64_t end = *base + *have, nb, rd;
	int rc;

	if (c + need <= end || end == l->h.region_bytes)
		return 0;
	nb = keep & ~(uint64_t)(l->p.unit - 1);
	memmove(l->buf, l->buf + (nb - *base), end - nb);
	*have = end - nb;
	*base = nb;
	rd = 2 * KVLOG_BATCH - *have;
	if (rd > l->h.region_bytes - end)
		rd = l->h.region_bytes - end;
	rc = l->io.read(l->io.ctx, kvlog_region_off(l, l->h.active) + end,
			l->buf + *have, rd);
	if (!rc)
		*have += rd;
	return rc;
}

static int replay(struct kvlog *l, const struct kvrec *r,
		  struct kvlog_recovery *rec)
{
	if (r->type == KVREC_DEL) {
		kvindex_del(&l->idx, r->key, r->klen);
		rec->dels++;
	} else {
		if (kvindex_put(&l->idx, r->key, r->klen, r->val, r->vlen))
			return -ENOMEM;
		rec->puts++;
	}
	rec->records++;
	l->seq = r->seq;
	return 0;
}

/* The last record ends inside a sector (a torn write kept only its
 * first whole records): pad it to the sector's end, so that appends
 * start on a boundary and the log stays one chain. */
static int pad_last(struct kvlog *l, uint64_t last, uint64_t c, uint64_t base)
{
	uint64_t end = kv_round_up(c, l->p.unit);
	uint64_t from = last & ~(uint64_t)(l->p.unit - 1);
	int rc;

	memset(l->buf + (c - base), 0, end - c);
	kvrec_seal(l->buf + (last - base), (uint32_t)(end - last));
	rc = l->io.write(l->io.ctx, kvlog_region_off(l, l->h.active) + from,
			 l->buf + (from - base), end - from);
	return rc ? rc : l->io.flush(l->io.ctx);
}

static int scan(struct kvlog *l, struct kvlog_recovery *rec)
{
	uint64_t c = 0, base = 0, last = 0;
	size_t have = 0;
	int rc;

	rec->stop = "the end of the region";
	while (c < l->h.region_bytes) {
		struct kvrec r;
		const uint8_t *p;
		size_t avail;

		rc = window(l, c, last, &base, &have);
		if (rc)
			return rc;
		p = l->buf + (c - base);
		avail = base + have - c;
		switch (kvrec_decode(p, avail, l->p.unit, &r)) {
		case KVREC_OK:
			if (r.gen != l->h.rgen) {
				rec->stop = "a record of an older generation";
			} else if (r.seq != l->seq + 1) {
				rec->stop = "a record out of sequence";
				rec->torn = true;
			} else {
				rc = replay(l, &r, rec);
				if (rc)
					return rc;
				last = c;
				c += r.len;
				continue;
			}
			break;
		case KVREC_SHORT:
			rec->stop = "a record cut short (torn write)";
			rec->torn = true;
			break;
		case KVREC_BAD:
			if (avail >= KVREC_HDR &&
			    kv_get64(p + 20) == l->h.rgen) {
				rec->stop = "a record with a wrong checksum "
					    "(torn write)";
				rec->torn = true;
			} else {
				rec->stop = "a damaged record of an older "
					    "generation";
			}
			break;
		case KVREC_NONE:
			rec->stop = all_zero(p, avail < l->p.unit ? avail
								  : l->p.unit)
					    ? "zeros"
					    : "bytes that are no record";
			break;
		}
		break;
	}
	if (c % l->p.unit) {
		rc = pad_last(l, last, c, base);
		if (rc)
			return rc;
		rec->torn = true;
		c = kv_round_up(c, l->p.unit);
	}
	l->tail = c;
	rec->end = c;
	return zero_after(l, c);
}

static int alloc(struct kvlog *l)
{
	void *a = NULL, *b = NULL;

	if (posix_memalign(&a, 4096, KVLOG_BATCH + 4096) ||
	    posix_memalign(&b, 4096, 2 * KVLOG_BATCH)) {
		free(a);
		return -ENOMEM;
	}
	l->stage = a;
	l->buf = b;
	return kvindex_init(&l->idx, l->p.max_keys) ? -ENOMEM : 0;
}

static int open_log(struct kvlog *l, const struct kvlog_io *io,
		    const struct kvlog_params *p, struct kvlog_recovery *rec,
		    char *why, size_t wl)
{
	struct kvhdr h[2];
	bool ok[2];
	uint64_t hgen = 0;
	int rc, best;

	memset(l, 0, sizeof(*l));
	memset(rec, 0, sizeof(*rec));
	l->io = *io;
	l->p = *p;
	snprintf(why, wl, "no error");
	if (p->unit < 512 || p->unit > 4096 || (p->unit & (p->unit - 1))) {
		snprintf(why, wl, "sector size %u: not 512..4096, a power of 2",
			 p->unit);
		return -EINVAL;
	}
	rc = alloc(l);
	if (rc) {
		snprintf(why, wl, "out of memory");
		return rc;
	}
	rc = io->read(io->ctx, 0, l->buf, 2 * p->unit);
	if (rc) {
		snprintf(why, wl, "reading the header failed (%d)", rc);
		return rc;
	}
	for (int i = 0; i < 2; i++) {
		ok[i] = kvhdr_decode(l->buf + i * p->unit, &h[i]) &&
			h[i].hgen % 2 == (uint64_t)i;
		if (ok[i] && h[i].hgen > hgen)
			hgen = h[i].hgen;
		ok[i] = ok[i] && fits(l, &h[i]);
	}
	best = ok[0] && (!ok[1] || h[0].hgen > h[1].hgen) ? 0 : ok[1] ? 1 : -1;
	if (p->format || (best < 0 && !hgen && all_zero(l->buf, 2 * p->unit))) {
		rec->formatted = true;
		rec->stop = "a new store";
		return format(l, hgen, why, wl);
	}
	if (best < 0 || h[best].hgen != hgen) {
		snprintf(why, wl,
			 hgen ? "the newest kvstore header does not fit this "
				"disk (%llu bytes, sectors of %u)"
			      : "sectors 0 and 1 hold no kvstore header: not "
				"a kvstore disk (%llu bytes, sectors of %u)",
			 (unsigned long long)p->disk_bytes, p->unit);
		return -EINVAL;
	}
	l->h = h[best];
	rc = scan(l, rec);
	if (rc)
		snprintf(why, wl, "recovery failed (%d)", rc);
	return rc;
}

int kvlog_open(struct kvlog *l, const struct kvlog_io *io,
	       const struct kvlog_params *p, struct kvlog_recovery *rec,
	       char *why, size_t wl)
{
	int rc = open_log(l, io, p, rec, why, wl);

	if (rc)
		kvlog_close(l);
	return rc;
}

void kvlog_close(struct kvlog *l)
{
	kvindex_free(&l->idx);
	free(l->stage);
	free(l->buf);
	l->stage = l->buf = NULL;
}
