/*
 * kvindex.h - kvstore's in-memory index: every live key with its value,
 * in a hash table of chains. GET is answered from here; the log on disk
 * (kvlog.h) is only read at start, to rebuild it.
 *
 * The table's size is fixed when it is made (buckets: the power of two
 * at or above max_keys, so chains stay short); max_keys itself is
 * enforced by the caller (kvlog_stage), which knows what is staged.
 */
#ifndef KVSTORE_KVINDEX_H
#define KVSTORE_KVINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct kv_entry {
	struct kv_entry *next;
	uint32_t hash;
	uint16_t klen;
	uint32_t vlen;
	char data[]; /* the key, then the value; no terminator */
};

struct kvindex {
	struct kv_entry **bucket;
	size_t buckets; /* a power of two */
	size_t count;	/* live keys */
	uint64_t bytes; /* sum of kvindex_rec_bytes over live keys */
	size_t max_keys;
};

/* What a live key costs in a compacted log: its record, unpadded. */
uint64_t kvindex_rec_bytes(size_t klen, size_t vlen);

/* 0, or -1 when memory is short. */
int kvindex_init(struct kvindex *x, size_t max_keys);
void kvindex_free(struct kvindex *x);
void kvindex_clear(struct kvindex *x);

const struct kv_entry *kvindex_get(const struct kvindex *x, const char *key,
				   size_t klen);
/* Sets key to value: 0, or -1 when memory is short (the old value then
 * stays). */
int kvindex_put(struct kvindex *x, const char *key, size_t klen,
		const char *val, size_t vlen);
/* true if the key was there. */
bool kvindex_del(struct kvindex *x, const char *key, size_t klen);

/* Every entry in turn: start with *b = 0, *e = NULL; NULL at the end. */
const struct kv_entry *kvindex_next(const struct kvindex *x, size_t *b,
				    const struct kv_entry *e);

#endif
