/*
 * kvformat.c - encoding and checking kvstore's header and records.
 */
#include <string.h>

#include "crc32c.h"
#include "kvformat.h"

void kv_put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

void kv_put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

void kv_put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

uint16_t kv_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

uint32_t kv_get32(const uint8_t *p)
{
	uint32_t v = 0;

	for (int i = 3; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

uint64_t kv_get64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

size_t kvrec_encode(uint8_t *p, uint8_t type, const char *key, size_t klen,
		    const char *val, size_t vlen, uint64_t gen, uint64_t seq)
{
	size_t n = KVREC_HDR + klen + vlen;

	kv_put32(p, KVREC_MAGIC);
	kv_put32(p + 12, (uint32_t)vlen);
	kv_put16(p + 16, (uint16_t)klen);
	p[18] = type;
	p[19] = 0;
	kv_put64(p + 20, gen);
	kv_put64(p + 28, seq);
	memcpy(p + KVREC_HDR, key, klen);
	if (vlen)
		memcpy(p + KVREC_HDR + klen, val, vlen);
	kvrec_seal(p, (uint32_t)n);
	return n;
}

void kvrec_seal(uint8_t *p, uint32_t len)
{
	size_t body = KVREC_HDR + kv_get16(p + 16) + kv_get32(p + 12);

	kv_put32(p + 8, len);
	kv_put32(p + 4, crc32c(0, p + 8, body - 8));
}

enum kvrec_verdict kvrec_decode(const uint8_t *p, size_t avail, uint32_t unit,
				struct kvrec *r)
{
	size_t body;

	if (avail < KVREC_HDR)
		return avail >= 4 && kv_get32(p) == KVREC_MAGIC ? KVREC_SHORT
								: KVREC_NONE;
	if (kv_get32(p) != KVREC_MAGIC)
		return KVREC_NONE;
	r->len = kv_get32(p + 8);
	r->vlen = kv_get32(p + 12);
	r->klen = kv_get16(p + 16);
	r->type = p[18];
	r->gen = kv_get64(p + 20);
	r->seq = kv_get64(p + 28);
	if (r->klen < 1 || r->klen > KV_KEY_MAX || r->vlen > KV_VALUE_MAX ||
	    p[19] || (r->type != KVREC_PUT && r->type != KVREC_DEL) ||
	    (r->type == KVREC_DEL && r->vlen))
		return KVREC_BAD;
	body = KVREC_HDR + r->klen + r->vlen;
	if (r->len < body || r->len - body >= unit)
		return KVREC_BAD;
	if (r->len > avail)
		return KVREC_SHORT;
	if (kv_get32(p + 4) != crc32c(0, p + 8, body - 8))
		return KVREC_BAD;
	r->key = (const char *)p + KVREC_HDR;
	r->val = r->key + r->klen;
	return KVREC_OK;
}

/* 0 magic[8] 8 hgen 16 unit 20 active 24 rgen 32 next_gen 40 data_start
 * 48 region_bytes 56 zero[16] 72 crc32c of bytes 0..72 */
void kvhdr_encode(uint8_t *p, const struct kvhdr *h)
{
	memset(p, 0, KVHDR_BYTES);
	memcpy(p, KVHDR_MAGIC, 8);
	kv_put64(p + 8, h->hgen);
	kv_put32(p + 16, h->unit);
	kv_put32(p + 20, h->active);
	kv_put64(p + 24, h->rgen);
	kv_put64(p + 32, h->next_gen);
	kv_put64(p + 40, h->data_start);
	kv_put64(p + 48, h->region_bytes);
	kv_put32(p + 72, crc32c(0, p, 72));
}

bool kvhdr_decode(const uint8_t *p, struct kvhdr *h)
{
	if (memcmp(p, KVHDR_MAGIC, 8) || kv_get32(p + 72) != crc32c(0, p, 72))
		return false;
	h->hgen = kv_get64(p + 8);
	h->unit = kv_get32(p + 16);
	h->active = kv_get32(p + 20);
	h->rgen = kv_get64(p + 24);
	h->next_gen = kv_get64(p + 32);
	h->data_start = kv_get64(p + 40);
	h->region_bytes = kv_get64(p + 48);
	return true;
}
