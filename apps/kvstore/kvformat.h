/*
 * kvformat.h - kvstore's on-disk format (docs/blk.md, "kvstore"): the
 * header and the log records, as bytes. Every number is little-endian;
 * nothing here touches a disk.
 *
 * The disk: two header slots, in sectors 0 and 1 (one sector write
 * replaces a slot whole); then, from data_start, two log regions of
 * region_bytes each. The valid slot with the higher hgen names the
 * active region, the generation (rgen) its records carry, and the next
 * generation never used yet.
 *
 * A record: a 36-byte head, the key, the value, then padding (zero) up
 * to the next sector for the last record of a write. len covers all of
 * it; the checksum covers bytes 8.. of the head, the key and the value.
 *   0 magic 'PVKR'  4 crc32c  8 len  12 vlen  16 klen(16 bit)  18 type
 *   19 zero  20 gen(64 bit)  28 seq(64 bit)  36 key, value
 */
#ifndef KVSTORE_KVFORMAT_H
#define KVSTORE_KVFORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Limits (docs/blk.md): keys 1..128 bytes, values 0..1024. */
#define KV_KEY_MAX 128
#define KV_VALUE_MAX 1024

#define KVREC_MAGIC 0x524b5650U /* "PVKR" */
#define KVREC_HDR 36
#define KVREC_PUT 1
#define KVREC_DEL 2

#define KVHDR_MAGIC "PVKVLOG1"
#define KVHDR_BYTES 76

struct kvrec {
	uint32_t len, vlen;
	uint16_t klen;
	uint8_t type;
	uint64_t gen, seq;
	const char *key, *val; /* into the bytes decoded */
};

struct kvhdr {
	uint64_t hgen;	   /* this slot's generation; slot hgen % 2 */
	uint32_t unit;	   /* sector size the store was made with */
	uint32_t active;   /* 0 or 1 */
	uint64_t rgen;	   /* generation of the active region's records */
	uint64_t next_gen; /* never used by any record yet */
	uint64_t data_start, region_bytes;
};

void kv_put16(uint8_t *p, uint16_t v);
void kv_put32(uint8_t *p, uint32_t v);
void kv_put64(uint8_t *p, uint64_t v);
uint16_t kv_get16(const uint8_t *p);
uint32_t kv_get32(const uint8_t *p);
uint64_t kv_get64(const uint8_t *p);

/* Writes a record's head, key and value at p (len set to the unpadded
 * size); returns that size. */
size_t kvrec_encode(uint8_t *p, uint8_t type, const char *key, size_t klen,
		    const char *val, size_t vlen, uint64_t gen, uint64_t seq);
/* Sets the record's len (it then covers padding) and its checksum. */
void kvrec_seal(uint8_t *p, uint32_t len);

/* How a record at p, with avail bytes there, reads: */
enum kvrec_verdict {
	KVREC_OK,    /* a whole record, checksum right */
	KVREC_SHORT, /* its head says it runs past avail */
	KVREC_NONE,  /* no record head (magic wrong) */
	KVREC_BAD,   /* a head, but fields or checksum wrong: torn */
};
/* unit bounds the padding a record may carry. */
enum kvrec_verdict kvrec_decode(const uint8_t *p, size_t avail, uint32_t unit,
				struct kvrec *r);

void kvhdr_encode(uint8_t *p, const struct kvhdr *h);
/* true if p holds a header slot whose magic and checksum are right. */
bool kvhdr_decode(const uint8_t *p, struct kvhdr *h);

#endif
