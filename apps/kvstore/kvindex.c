/*
 * kvindex.c - the hash table of live keys (FNV-1a hashes, chains).
 */
#include <stdlib.h>
#include <string.h>

#include "kvindex.h"
#include "kvformat.h"

static uint32_t hash(const char *k, size_t n)
{
	uint32_t h = 2166136261U;

	while (n--)
		h = (h ^ (uint8_t)*k++) * 16777619U;
	return h;
}

uint64_t kvindex_rec_bytes(size_t klen, size_t vlen)
{
	return KVREC_HDR + klen + vlen;
}

int kvindex_init(struct kvindex *x, size_t max_keys)
{
	size_t n = 16;

	while (n < max_keys && n < ((size_t)1 << 24))
		n <<= 1;
	memset(x, 0, sizeof(*x));
	x->bucket = calloc(n, sizeof(*x->bucket));
	if (!x->bucket)
		return -1;
	x->buckets = n;
	x->max_keys = max_keys;
	return 0;
}

void kvindex_clear(struct kvindex *x)
{
	for (size_t i = 0; i < x->buckets; i++) {
		struct kv_entry *e = x->bucket[i];

		while (e) {
			struct kv_entry *next = e->next;

			free(e);
			e = next;
		}
		x->bucket[i] = NULL;
	}
	x->count = 0;
	x->bytes = 0;
}

void kvindex_free(struct kvindex *x)
{
	if (x->bucket)
		kvindex_clear(x);
	free(x->bucket);
	x->bucket = NULL;
}

static struct kv_entry **find(const struct kvindex *x, const char *key,
			      size_t klen, uint32_t h)
{
	struct kv_entry **p = &x->bucket[h & (x->buckets - 1)];

	while (*p && ((*p)->hash != h || (*p)->klen != klen ||
		      memcmp((*p)->data, key, klen)))
		p = &(*p)->next;
	return p;
}

const struct kv_entry *kvindex_get(const struct kvindex *x, const char *key,
				   size_t klen)
{
	return *find(x, key, klen, hash(key, klen));
}

int kvindex_put(struct kvindex *x, const char *key, size_t klen,
		const char *val, size_t vlen)
{
	uint32_t h = hash(key, klen);
	struct kv_entry **p = find(x, key, klen, h);
	struct kv_entry *e = malloc(sizeof(*e) + klen + vlen);

	if (!e)
		return -1;
	e->hash = h;
	e->klen = (uint16_t)klen;
	e->vlen = (uint32_t)vlen;
	memcpy(e->data, key, klen);
	memcpy(e->data + klen, val, vlen);
	if (*p) {
		struct kv_entry *old = *p;

		x->bytes -= kvindex_rec_bytes(old->klen, old->vlen);
		e->next = old->next;
		free(old);
	} else {
		e->next = NULL;
		x->count++;
	}
	*p = e;
	x->bytes += kvindex_rec_bytes(klen, vlen);
	return 0;
}

bool kvindex_del(struct kvindex *x, const char *key, size_t klen)
{
	struct kv_entry **p = find(x, key, klen, hash(key, klen));
	struct kv_entry *e = *p;

	if (!e)
		return false;
	*p = e->next;
	x->count--;
	x->bytes -= kvindex_rec_bytes(e->klen, e->vlen);
	free(e);
	return true;
}

const struct kv_entry *kvindex_next(const struct kvindex *x, size_t *b,
				    const struct kv_entry *e)
{
	if (e && e->next)
		return e->next;
	if (e)
		++*b;
	for (; *b < x->buckets; ++*b)
		if (x->bucket[*b])
			return x->bucket[*b];
	return NULL;
}
