/*
 * multicall.h - batching hypercalls: many calls, one trap into Xen.
 *
 *	mc_batch();                     // open: masks events
 *	mc_mmu_update(pte_maddr, val);  // queue, as often as needed
 *	mc_update_va_mapping(va, pte, UVMF_INVLPG);
 *	failed = mc_flush();            // issue, report, unmask
 *
 * A batch that fills up is issued on its own and building goes on;
 * mc_flush() then answers for all of it: the number of entries that
 * failed in any part, or a negative error if a multicall failed as a
 * whole (Xen ran the entries before the one it could not read; nothing
 * after ran, later parts are not issued). Each failure is printed with
 * its index, op, arguments and result, and for merged mmu_update
 * requests with the request Xen stopped at and how many took effect.
 * Events are masked from mc_batch() to mc_flush(): an event handler that
 * queued calls of its own into the half-built batch would see them
 * issued by someone else's flush, so the batch must not be shared with
 * it. docs/multicall.md explains when batching pays.
 */
#ifndef PVMINI_MULTICALL_H
#define PVMINI_MULTICALL_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

/* Called with an entry's result once it has run. */
typedef void (*mc_callback_fn)(void *data, long result);

void mc_batch(void);
int mc_flush(void);

/* Queues `op`; returns the entry (fill in args[]) and its argument space. */
multicall_entry_t *mc_entry(unsigned long op, size_t argsize, void **args);
/* Runs fn(data, result) for the last queued entry once it has been
 * issued: its result, or the multicall's error if it never ran. */
void mc_callback(mc_callback_fn fn, void *data);

/* Typed helpers for the calls pvmini batches. */
void mc_mmu_update(uint64_t ptr, uint64_t val);
void mc_update_va_mapping(unsigned long va, uint64_t pte, unsigned long flags);
void mc_tlb_flush_local(void);
void mc_xen_version(int cmd);

/* Counters since boot, for benchmarks and tests. */
struct mc_stats {
	unsigned long batches;	  /* multicall hypercalls issued */
	unsigned long entries;	  /* entries they carried */
	unsigned long mmu_merged; /* array requests added to an entry */
};
extern struct mc_stats mc_stats;

#endif
