/*
 * mc_queue.h - the data structure behind the multicall batcher: a fixed
 * array of multicall entries, an argument area that lives inside the batch
 * (for calls that take pointers, such as mmu_update request arrays), and
 * callbacks to run with an entry's result once the batch is issued.
 *
 * Pure logic, no hypercall: issuing is a function passed to mcq_flush, so
 * host unit tests drive the queue with a fake hypervisor.
 */
#ifndef PVMINI_MC_QUEUE_H
#define PVMINI_MC_QUEUE_H

#include <pvmini/lib.h>
#include <pvmini/multicall.h>
#include <pvmini/xen.h>

#define MC_ENTRIES 32
#define MC_ARG_BYTES 8192 /* 512 mmu_update requests */

struct mc_queue {
	multicall_entry_t entry[MC_ENTRIES];
	unsigned int n;
	/* Argument area; pointers handed out stay valid until the flush. */
	unsigned char args[MC_ARG_BYTES] __attribute__((aligned(16)));
	size_t args_used;
	bool tail_extendable; /* the last entry's arguments end the area */
	struct {
		mc_callback_fn fn;
		void *data;
		unsigned int index;
	} cb[MC_ENTRIES];
	unsigned int ncb;
};

/* Issues entries [0, n) as one batch; returns Xen's result for the batch. */
typedef long (*mc_issue_fn)(multicall_entry_t *entries, unsigned int n);
/* Told about each entry whose result is negative (an error). */
typedef void (*mc_fail_fn)(unsigned int index, unsigned int n,
			   const multicall_entry_t *e);

void mcq_init(struct mc_queue *q);

/*
 * Appends an entry for `op` with `argsize` bytes of argument space
 * (*args points at it; NULL when argsize is 0). Returns NULL when the
 * entry or its arguments do not fit: flush, then try again.
 */
multicall_entry_t *mcq_add(struct mc_queue *q, unsigned long op, size_t argsize,
			   void **args);

/*
 * Grows the argument space of the last entry by `size` bytes if that
 * entry is an `op` whose arguments end the area; returns the new space or
 * NULL. Lets a run of mmu_update requests become one entry.
 */
void *mcq_extend(struct mc_queue *q, unsigned long op, size_t size);

/* The last entry is at q->entry[q->n - 1]; NULL when empty. */
multicall_entry_t *mcq_last(struct mc_queue *q);

/* Runs fn(data, result) after the flush for the last entry added. */
bool mcq_add_callback(struct mc_queue *q, mc_callback_fn fn, void *data);

/*
 * Issues the batch (if any), reports failed entries, runs callbacks in
 * order and empties the queue. Returns the number of failed entries, or
 * the negative error of the batch itself (then no entry ran and no
 * callback is called).
 */
int mcq_flush(struct mc_queue *q, mc_issue_fn issue, mc_fail_fn fail);

/* Issues a batch (kernel/xen/multicall_issue.c; MULTICALL_DEBUG=y picks
 * multicall_issue_debug.c instead). */
long mc_issue(multicall_entry_t *entries, unsigned int n);

#endif
