/*
 * kvlog_priv.h - what kvlog.c (opening, recovery) and kvappend.c
 * (appends, compaction) share.
 */
#ifndef KVSTORE_KVLOG_PRIV_H
#define KVSTORE_KVLOG_PRIV_H

#include "kvlog.h"

static inline uint64_t kv_round_up(uint64_t n, uint32_t unit)
{
	return (n + unit - 1) & ~(uint64_t)(unit - 1);
}

static inline uint64_t kvlog_region_off(const struct kvlog *l,
					unsigned int which)
{
	return l->h.data_start + which * l->h.region_bytes;
}

/* Writes h into its slot (hgen % 2) and flushes; on success it is the
 * log's header. 0 or the error (the log is then failed). */
int kvlog_write_header(struct kvlog *l, const struct kvhdr *h);

#endif
