/*
 * mc_queue.c - the multicall queue (kernel/xen/multicall_queue.h). Pure
 * logic, unit-tested on the host (tests/unit/test_mc_queue.c).
 */
#include "kernel/xen/multicall_queue.h"

void mcq_init(struct mc_queue *q)
{
	q->n = 0;
	q->args_used = 0;
	q->tail_extendable = false;
	q->ncb = 0;
}

multicall_entry_t *mcq_add(struct mc_queue *q, unsigned long op, size_t argsize,
			   void **args)
{
	/* Keep every argument block 8-byte aligned, as Xen reads words. */
	size_t size = (argsize + 7) & ~(size_t)7;
	multicall_entry_t *e;

	if (q->n == MC_ENTRIES || size > MC_ARG_BYTES - q->args_used)
		return NULL;
	e = &q->entry[q->n++];
	memset(e, 0, sizeof(*e));
	e->op = op;
	q->tail_extendable = argsize > 0;
	if (args)
		*args = argsize ? q->args + q->args_used : NULL;
	q->args_used += size;
	return e;
}

void *mcq_extend(struct mc_queue *q, unsigned long op, size_t size)
{
	multicall_entry_t *last = mcq_last(q);
	void *p;

	size = (size + 7) & ~(size_t)7;
	if (!last || last->op != op || !q->tail_extendable ||
	    size > MC_ARG_BYTES - q->args_used)
		return NULL;
	p = q->args + q->args_used;
	q->args_used += size;
	return p;
}

multicall_entry_t *mcq_last(struct mc_queue *q)
{
	return q->n ? &q->entry[q->n - 1] : NULL;
}

bool mcq_add_callback(struct mc_queue *q, mc_callback_fn fn, void *data)
{
	if (!q->n || q->ncb == MC_ENTRIES)
		return false;
	q->cb[q->ncb].fn = fn;
	q->cb[q->ncb].data = data;
	q->cb[q->ncb].index = q->n - 1;
	q->ncb++;
	return true;
}

int mcq_flush(struct mc_queue *q, mc_issue_fn issue, mc_fail_fn fail)
{
	int failed = 0;
	long rc;

	if (!q->n)
		return 0;
	rc = issue(q->entry, q->n);
	if (rc < 0) {
		mcq_init(q);
		return (int)rc;
	}
	for (unsigned int i = 0; i < q->n; i++) {
		if ((long)q->entry[i].result < 0) {
			failed++;
			if (fail)
				fail(i, q->n, &q->entry[i]);
		}
	}
	for (unsigned int i = 0; i < q->ncb; i++)
		q->cb[i].fn(q->cb[i].data,
			    (long)q->entry[q->cb[i].index].result);
	mcq_init(q);
	return failed;
}
