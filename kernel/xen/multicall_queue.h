/*
 * multicall_queue.h - the data structure behind the multicall batcher: a
 * fixed array of multicall entries, an argument area that lives inside
 * the batch (for calls that take pointers, such as mmu_update request
 * arrays), callbacks to run with an entry's result, and what a batch
 * that took several multicalls found wrong in any of them.
 *
 * Pure logic, no hypercall: issuing is a function given to mcq_init, so
 * host unit tests drive the queue with a fake hypervisor.
 */
#ifndef PVMINI_MC_QUEUE_H
#define PVMINI_MC_QUEUE_H

#include <pvmini/lib.h>
#include <pvmini/multicall.h>
#include <pvmini/xen.h>

#define MC_ENTRIES 32
#define MC_ARG_BYTES 8192 /* 512 mmu_update requests */

/*
 * An entry's result before it is issued. Xen writes every result it
 * produces - 0, a count, or -errno - so one still holding this did not
 * run.
 */
#define MC_NOT_RUN ((xen_ulong_t)1 << 63)

/* Issues entries [0, n) as one multicall; returns Xen's result for it. */
typedef long (*mc_issue_fn)(multicall_entry_t *entries, unsigned int n);

/* What went wrong, one report each (kernel/xen/multicall_report.c). */
enum mc_failure_kind {
	MC_ENTRY_FAILED, /* an entry ran and returned an error */
	MC_NOT_RUN_TAIL, /* the multicall failed as a whole after a prefix */
	MC_NOT_ISSUED,	 /* a part after such a failure: never issued */
};

struct mc_failure {
	enum mc_failure_kind kind;
	unsigned int part;	    /* which multicall of the batch, from 1 */
	bool split;		    /* the batch is more than one multicall */
	unsigned int index, n;	    /* the entry (first one not run), of n */
	const multicall_entry_t *e; /* MC_ENTRY_FAILED: the entry */
	long result;		    /* its result, or the multicall's error */
	/*
	 * An array call (mmu_update, mmuext_op): Xen stops at the first bad
	 * request, so `done` of `count` took effect, request `done` (at
	 * `req`) failed and the rest were skipped. count 0: not an array.
	 */
	unsigned int count, done;
	const void *req;
};
typedef void (*mc_fail_fn)(const struct mc_failure *f);

/* Xen's (requests, count, done, domain) calls, merged into one entry. */
struct mc_array {
	void *base;
	unsigned int count; /* requests queued */
	uint32_t done;	    /* Xen writes how many took effect here */
	size_t size;	    /* bytes per request, 0: not an array */
};

struct mc_queue {
	multicall_entry_t entry[MC_ENTRIES];
	unsigned int n;
	/* Argument area; pointers handed out stay valid until the part is
	 * issued. */
	unsigned char args[MC_ARG_BYTES] __attribute__((aligned(16)));
	size_t args_used;
	bool tail_extendable; /* the last entry's arguments end the area */
	struct mc_array array[MC_ENTRIES];
	struct {
		mc_callback_fn fn;
		void *data;
		unsigned int index;
	} cb[MC_ENTRIES];
	unsigned int ncb;
	mc_issue_fn issue;
	mc_fail_fn fail;
	/* The batch so far, over all its parts, until mcq_flush. */
	unsigned int part;
	int failed;
	long error; /* the first multicall that failed as a whole */
};

/* An empty batch; fail (may be NULL) hears of every failure. */
void mcq_init(struct mc_queue *q, mc_issue_fn issue, mc_fail_fn fail);

/*
 * Appends an entry for `op` with `argsize` bytes of argument space
 * (*args points at it; NULL when argsize is 0). When the entry or its
 * arguments do not fit, the queued part is issued first and building
 * goes on (its failures count in mcq_flush's result). NULL only when
 * argsize alone exceeds the area.
 */
multicall_entry_t *mcq_add(struct mc_queue *q, unsigned long op, size_t argsize,
			   void **args);

/*
 * Adds one request of `size` bytes to a call that takes (array, count,
 * done, domain): to the last entry if it is such an `op` for `dom` whose
 * array ends the area, else to a new entry. Returns the request's space;
 * NULL only when size exceeds the area.
 */
void *mcq_add_array(struct mc_queue *q, unsigned long op, size_t size,
		    domid_t dom);

/* The last entry is at q->entry[q->n - 1]; NULL when empty. */
multicall_entry_t *mcq_last(struct mc_queue *q);

/*
 * Runs fn(data, result) once the last entry added has been issued: with
 * its result, or with the multicall's error if it never ran.
 */
bool mcq_add_callback(struct mc_queue *q, mc_callback_fn fn, void *data);

/*
 * Issues what is queued, reports failures, runs callbacks, and ends the
 * batch. Returns, over all the parts the batch took: a negative error if
 * a multicall failed as a whole (Xen ran the entries before the one it
 * could not read or finish, nothing after; later parts were not issued),
 * else the number of entries that failed.
 */
int mcq_flush(struct mc_queue *q);

/*
 * One or two lines (no final newline) saying what f reports, into buf
 * (kernel/xen/multicall_report.c).
 */
void mc_describe(char *buf, size_t size, const struct mc_failure *f);

/* Issues a batch (kernel/xen/multicall_issue.c; MULTICALL_DEBUG=y picks
 * multicall_issue_debug.c instead). */
long mc_issue(multicall_entry_t *entries, unsigned int n);

#endif
