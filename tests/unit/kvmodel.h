/*
 * kvmodel.h - a model of kvstore's contents for the log tests: a list of
 * PUT/DEL operations over KM_KEYS keys (keys of 1..128 bytes, values of
 * 0..1024 bytes made from a seed), run against a kvlog in commits of a
 * few, and the check that what a recovery found is exactly the state
 * after some prefix of the operations no shorter than those acknowledged
 * (a commit returned 0) - nothing acknowledged lost, nothing reordered.
 */
#ifndef KVMODEL_H
#define KVMODEL_H

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "apps/kvstore/kvlog.h"

#define KM_KEYS 24

struct km_op {
	bool del;
	int key, vlen;
	uint32_t seed;
};

static void km_key(int k, char *out, size_t *len)
{
	size_t n = k == 0 ? KV_KEY_MAX : 1 + (size_t)(k * 37) % 40;

	for (size_t i = 0; i < n; i++)
		out[i] = (char)('!' + (k * 7 + i) % 94);
	*len = n;
}

static void km_value(const struct km_op *o, char *out)
{
	uint32_t s = o->seed;

	for (int i = 0; i < o->vlen; i++) {
		s = s * 1103515245U + 12345U;
		out[i] = (char)(' ' + (s >> 16) % 95);
	}
}

static void km_gen(struct km_op *ops, int n, uint64_t (*rnd)(void))
{
	for (int i = 0; i < n; i++) {
		uint64_t r = rnd();

		ops[i].key = (int)(r % KM_KEYS);
		ops[i].del = (r >> 8) % 5 == 0;
		ops[i].vlen = (r >> 16) % 8 == 0 ? KV_VALUE_MAX
						 : (int)((r >> 20) % 300);
		ops[i].seed = (uint32_t)(r >> 32);
	}
}

struct km_state {
	const struct km_op *val[KM_KEYS]; /* the PUT that set it, or NULL */
};

static void km_apply(struct km_state *s, const struct km_op *o)
{
	s->val[o->key] = o->del ? NULL : o;
}

static bool km_equal(const struct km_state *s, const struct kvindex *x)
{
	size_t count = 0;

	for (int k = 0; k < KM_KEYS; k++) {
		char key[KV_KEY_MAX], val[KV_VALUE_MAX];
		size_t klen;
		const struct kv_entry *e;

		km_key(k, key, &klen);
		e = kvindex_get(x, key, klen);
		if (!s->val[k]) {
			if (e)
				return false;
			continue;
		}
		count++;
		km_value(s->val[k], val);
		if (!e || e->vlen != (uint32_t)s->val[k]->vlen ||
		    memcmp(e->data + klen, val, e->vlen))
			return false;
	}
	return count == x->count;
}

/* Runs ops[from..n) in commits of 1..6; *acked: the end of the last
 * acknowledged commit, *issued: of the last one tried. Returns the first
 * error (a crash), or 0. */
static int km_run(struct kvlog *l, const struct km_op *ops, int from, int n,
		  uint64_t (*rnd)(void), int *acked, int *issued)
{
	int i = from, rc;

	*acked = *issued = from;
	while (i < n) {
		int b = 1 + (int)(rnd() % 6);

		for (; b && i < n; b--, i++) {
			char key[KV_KEY_MAX], val[KV_VALUE_MAX];
			size_t klen;

			km_key(ops[i].key, key, &klen);
			km_value(&ops[i], val);
			rc = kvlog_stage(l, key, klen, ops[i].del ? NULL : val,
					 (size_t)ops[i].vlen);
			if (rc == -EAGAIN)
				break;
			if (rc)
				return rc;
			*issued = i + 1;
		}
		rc = kvlog_commit(l, NULL, NULL);
		if (rc)
			return rc;
		*acked = i;
		rc = kvlog_maybe_compact(l);
		if (rc)
			return rc;
	}
	return 0;
}

/* The prefix length P (acked <= P <= issued) whose state x holds, or -1. */
static __attribute__((unused)) int km_prefix(const struct kvindex *x,
					     const struct km_op *ops, int acked,
					     int issued)
{
	struct km_state s = { { 0 } };

	for (int i = 0; i < acked; i++)
		km_apply(&s, &ops[i]);
	for (int p = acked;; p++) {
		if (km_equal(&s, x))
			return p;
		if (p == issued)
			return -1;
		km_apply(&s, &ops[p]);
	}
}

#endif
