/*
 * kvlog.h - kvstore's log on a disk: recovery at start, appends that are
 * on stable storage before they are acknowledged, and compaction
 * (docs/blk.md, "kvstore"). The format is kvformat.h's.
 *
 * Pure logic: the disk is reached through struct kvlog_io, whose calls
 * take byte offsets and lengths that are multiples of the sector size
 * (unit) and buffers aligned to it, as /dev/xvda wants them.
 *
 * Crash safety rests on three rules:
 *  - one write is in flight at a time, at the log's tail, and at most
 *    KVLOG_BATCH bytes long; it is followed by a flush before any record
 *    in it is acknowledged, and before the next write;
 *  - a record belongs to the log only if its checksum is right, its
 *    generation is the active region's and its sequence number is the
 *    previous one's plus one: recovery stops at the first that is not
 *    (a torn write, a stale record of an older generation, zeros), and
 *    zeroes KVLOG_BATCH bytes from there, so that no piece of a torn
 *    write can ever join the log later;
 *  - compaction reserves a new generation in the header, writes the live
 *    records to the other region with it, flushes, and only then
 *    switches the header - one sector, into the slot the current header
 *    does not occupy. A crash at any point leaves one valid log.
 */
#ifndef KVSTORE_KVLOG_H
#define KVSTORE_KVLOG_H

#include "kvformat.h"
#include "kvindex.h"

/* The most one append writes (and recovery zeroes after the end). */
#define KVLOG_BATCH (64 * 1024)
/* A region smaller than this cannot hold a compacted log and a batch. */
#define KVLOG_REGION_MIN (4 * KVLOG_BATCH)
/* Regions are at most this large: the live set (at most half a region)
 * is held in memory. */
#define KVLOG_REGION_MAX (32 * 1024 * 1024)

struct kvlog_io {
	void *ctx;
	/* 0 or a negative errno. */
	int (*read)(void *ctx, uint64_t off, void *buf, size_t len);
	int (*write)(void *ctx, uint64_t off, const void *buf, size_t len);
	int (*flush)(void *ctx);
};

struct kvlog_params {
	uint32_t unit;	     /* sector size: 512..4096, a power of two */
	uint64_t disk_bytes; /* the disk's size */
	size_t max_keys;     /* live keys at most */
	uint64_t compact_at; /* compact when the log passes it; 0: 3/4 */
	bool format;	     /* make a new store even over other data */
	uint64_t gen_seed;   /* first generation of a new store (nonzero) */
};

/* What kvlog_open found. */
struct kvlog_recovery {
	bool formatted;		  /* a new store was made */
	unsigned long records;	  /* log records replayed */
	unsigned long puts, dels; /* ... of each kind */
	uint64_t end;		  /* where the log ends, region bytes */
	bool torn;		  /* a torn record there was dropped */
	const char *stop;	  /* why the scan stopped there */
};

struct kvlog_stats {
	unsigned long commits, records, compactions;
	uint64_t bytes_written;
	uint64_t compacted_from, compacted_to; /* the last compaction */
};

struct kvlog {
	struct kvlog_io io;
	struct kvlog_params p;
	struct kvhdr h;
	struct kvindex idx;
	uint64_t tail;	/* bytes of the active region in use */
	uint64_t seq;	/* the last record's sequence number */
	uint8_t *stage; /* KVLOG_BATCH bytes: records not yet written */
	size_t staged, last_rec;
	unsigned long staged_recs, staged_new;
	uint64_t staged_bytes;
	uint8_t *buf; /* 2 * KVLOG_BATCH: recovery and compaction */
	int failed;   /* the error that stopped the log, or 0 */
	struct kvlog_stats stats;
};

/*
 * Reads the store on the disk (or makes one on a blank disk, or when
 * p->format) and rebuilds the index. 0, or a negative errno with a
 * sentence in why: -EINVAL not a kvstore disk or a header that does not
 * fit this disk; -ENOSPC a disk too small; -ENOMEM; an I/O error.
 */
int kvlog_open(struct kvlog *l, const struct kvlog_io *io,
	       const struct kvlog_params *p, struct kvlog_recovery *rec,
	       char *why, size_t whylen);
void kvlog_close(struct kvlog *l);

/* Adds a PUT (val) or DEL (val NULL) to the next commit. 0; -EAGAIN: the
 * batch is full (commit, then stage again); -ENOSPC: the store is full
 * (keys or bytes); -EINVAL: a key or value beyond the limits; -EIO:
 * the log has failed. */
int kvlog_stage(struct kvlog *l, const char *key, size_t klen, const char *val,
		size_t vlen);
/* Writes what is staged (compacting first if the region is full),
 * flushes, then applies each record to the index in order, telling
 * applied(arg, put, existed) for each (put: a PUT, else a DEL;
 * existed: the key was there before).
 * 0, or the error (staged records are then dropped, none applied; after
 * an I/O error the log is failed for good). */
int kvlog_commit(struct kvlog *l,
		 void (*applied)(void *arg, bool put, bool existed), void *arg);
/* Compacts if the log has passed compact_at and twice the live bytes.
 * 0 or the error. */
int kvlog_maybe_compact(struct kvlog *l);
int kvlog_compact(struct kvlog *l);

/* Bytes the live keys may take in all (half a region). */
uint64_t kvlog_live_max(const struct kvlog *l);

#endif
