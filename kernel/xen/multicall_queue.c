/*
 * multicall_queue.c - the multicall queue (kernel/xen/multicall_queue.h).
 * Pure logic, unit-tested on the host (tests/unit/test_mc_queue.c).
 *
 * What Xen does with a multicall, and so what a flush must look at:
 *  - it runs every entry in order, even after one fails, and writes each
 *    entry's result back: failures are found entry by entry;
 *  - a call that takes an array (mmu_update, mmuext_op) stops at its
 *    first bad request and skips the rest; its `done` counter says how
 *    many took effect;
 *  - the multicall itself fails (-EFAULT: an entry it cannot read or a
 *    result it cannot write) after running the entries before that one:
 *    a prefix ran, and only the results say how long it is.
 */
#include "kernel/xen/multicall_queue.h"

static void empty(struct mc_queue *q)
{
	q->n = 0;
	q->args_used = 0;
	q->tail_extendable = false;
	q->ncb = 0;
}

void mcq_init(struct mc_queue *q, mc_issue_fn issue, mc_fail_fn fail)
{
	empty(q);
	q->issue = issue;
	q->fail = fail;
	q->part = 0;
	q->failed = 0;
	q->error = 0;
}

static void report(struct mc_queue *q, struct mc_failure *f)
{
	f->part = q->part;
	if (q->fail)
		q->fail(f);
}

static void report_entry(struct mc_queue *q, unsigned int i, bool split)
{
	const struct mc_array *a = &q->array[i];
	struct mc_failure f = {
		.kind = MC_ENTRY_FAILED,
		.split = split,
		.index = i,
		.n = q->n,
		.e = &q->entry[i],
		.result = (long)q->entry[i].result,
	};

	if (a->size) {
		f.count = a->count;
		f.done = a->done;
		if (a->done < a->count)
			f.req = (const unsigned char *)a->base +
				a->done * a->size;
	}
	report(q, &f);
}

/* Issues the queued entries as one multicall; more: another part comes. */
static void issue_part(struct mc_queue *q, bool more)
{
	unsigned int ran;
	long rc;

	if (!q->n)
		return;
	q->part++;
	more = more || q->part > 1;
	for (unsigned int i = 0; i < q->n; i++) {
		q->entry[i].result = MC_NOT_RUN;
		q->array[i].done = 0;
	}
	if (q->error) { /* a part before failed as a whole: keep order */
		struct mc_failure f = { .kind = MC_NOT_ISSUED,
					.split = true,
					.n = q->n,
					.result = q->error };

		report(q, &f);
		rc = q->error;
		ran = 0;
	} else {
		rc = q->issue(q->entry, q->n);
		ran = q->n;
		if (rc < 0) {
			struct mc_failure f = { .kind = MC_NOT_RUN_TAIL,
						.split = more,
						.n = q->n,
						.result = rc };

			for (ran = 0; ran < q->n; ran++)
				if (q->entry[ran].result == MC_NOT_RUN)
					break;
			q->error = rc;
			f.index = ran;
			for (unsigned int i = 0; i < ran; i++)
				if ((long)q->entry[i].result < 0) {
					q->failed++;
					report_entry(q, i, more);
				}
			report(q, &f);
		} else {
			for (unsigned int i = 0; i < q->n; i++)
				if ((long)q->entry[i].result < 0) {
					q->failed++;
					report_entry(q, i, more);
				}
		}
	}
	for (unsigned int i = 0; i < q->ncb; i++) {
		unsigned int at = q->cb[i].index;

		q->cb[i].fn(q->cb[i].data,
			    at < ran ? (long)q->entry[at].result : rc);
	}
	empty(q);
}

multicall_entry_t *mcq_add(struct mc_queue *q, unsigned long op, size_t argsize,
			   void **args)
{
	/* Keep every argument block 8-byte aligned, as Xen reads words. */
	size_t size = (argsize + 7) & ~(size_t)7;
	multicall_entry_t *e;

	if (size > MC_ARG_BYTES)
		return NULL;
	if (q->n == MC_ENTRIES || size > MC_ARG_BYTES - q->args_used)
		issue_part(q, true);
	e = &q->entry[q->n];
	memset(e, 0, sizeof(*e));
	e->op = op;
	q->array[q->n].size = 0;
	q->n++;
	q->tail_extendable = argsize > 0;
	if (args)
		*args = argsize ? q->args + q->args_used : NULL;
	q->args_used += size;
	return e;
}

void *mcq_add_array(struct mc_queue *q, unsigned long op, size_t size,
		    domid_t dom)
{
	multicall_entry_t *last = mcq_last(q);
	struct mc_array *a;
	void *p;

	size = (size + 7) & ~(size_t)7;
	if (last && last->op == op && last->args[3] == dom &&
	    q->tail_extendable && q->array[q->n - 1].size == size &&
	    size <= MC_ARG_BYTES - q->args_used) {
		a = &q->array[q->n - 1];
		p = q->args + q->args_used;
		q->args_used += size;
		a->count++;
		last->args[1] = a->count;
		return p;
	}
	last = mcq_add(q, op, size, &p);
	if (!last)
		return NULL;
	a = &q->array[q->n - 1];
	a->base = p;
	a->count = 1;
	a->size = size;
	last->args[0] = (unsigned long)p;
	last->args[1] = 1;
	last->args[2] = (unsigned long)&a->done;
	last->args[3] = dom;
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

int mcq_flush(struct mc_queue *q)
{
	int rc;

	issue_part(q, false);
	rc = q->error ? (int)q->error : q->failed;
	q->part = 0;
	q->failed = 0;
	q->error = 0;
	return rc;
}
