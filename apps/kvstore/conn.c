/*
 * conn.c - one connection's thread: lines in, one reply each, in order.
 *
 * All complete lines that arrived together are handled as one batch
 * under the store's lock: their PUTs and DELs are staged and written by
 * one commit (one write, one flush), and their replies are made only
 * when it returned - an OK is never sent for a record not yet on disk.
 * A GET, STATS or bad line commits what is staged first, so that replies
 * keep the order of the requests and a GET sees the PUTs before it.
 * Nothing staged survives the lock: another connection never commits
 * this one's records.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "kvstore.h"

#define SEND_MS 10000

static bool send_all(int fd, const char *b, size_t n)
{
	while (n) {
		ssize_t put = send(fd, b, n, 0);

		if (put <= 0)
			return false;
		b += put;
		n -= put;
	}
	return true;
}

static void reply(struct conn *c, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(c->out + c->outlen, CONN_OUT - c->outlen, fmt, ap);
	va_end(ap);
	if (n > 0 && (size_t)n < CONN_OUT - c->outlen)
		c->outlen += n;
}

static void applied(void *arg, bool put, bool existed)
{
	reply(arg, "%s\n", put || existed ? "OK" : "NOTFOUND");
}

/* Commits what is staged; a failure answers each staged request. */
static void commit(struct conn *c)
{
	unsigned long n = kv.log.staged_recs;
	int rc;

	if (!n)
		return;
	rc = kvlog_commit(&kv.log, applied, c);
	if (!rc)
		return;
	kv.errors += n;
	while (n--)
		reply(c, "ERR disk: %s; the store takes no more writes\n",
		      strerror(-rc));
}

/* Makes room for need more reply bytes: commits, then sends what is
 * waiting, without the lock (nothing is staged then). */
static bool room(struct conn *c, size_t need)
{
	bool ok;

	if (c->outlen + need <= CONN_OUT)
		return true;
	commit(c);
	mutex_unlock(&kv.lock);
	ok = send_all(c->fd, c->out, c->outlen);
	c->outlen = 0;
	mutex_lock(&kv.lock);
	return ok;
}

static void conn_stats(char *out, size_t n)
{
	const struct kvlog *l = &kv.log;

	snprintf(out, n,
		 "STATS keys=%zu bytes=%llu records=%llu log=%llu/%llu "
		 "generation=%llu commits=%lu compactions=%lu requests=%lu "
		 "errors=%lu connections=%u\n",
		 l->idx.count, (unsigned long long)l->idx.bytes,
		 (unsigned long long)l->seq, (unsigned long long)l->tail,
		 (unsigned long long)l->h.region_bytes,
		 (unsigned long long)l->h.rgen, l->stats.commits,
		 l->stats.compactions, kv.requests, kv.errors, kv.active);
}

static void stage(struct conn *c, const struct kvp_req *r)
{
	int rc = kvlog_stage(&kv.log, r->key, r->klen, r->val, r->vlen);

	if (rc == -EAGAIN) {
		commit(c);
		rc = kvlog_stage(&kv.log, r->key, r->klen, r->val, r->vlen);
	}
	if (!rc)
		return;
	commit(c);
	kv.errors++;
	if (rc == -ENOSPC)
		reply(c, "ERR store full: at most %zu keys and %llu bytes\n",
		      kv.log.p.max_keys,
		      (unsigned long long)kvlog_live_max(&kv.log));
	else
		reply(c, "ERR disk failed; the store takes no more writes\n");
}

/* One request line; false once the client said QUIT or a send failed. */
static bool handle(struct conn *c, const char *line, size_t len)
{
	struct kvp_req r;
	const struct kv_entry *e;
	char stats[256];

	kv.requests++;
	kvp_parse(line, len, &r);
	if (!room(c, 16 + (r.cmd == KVP_GET ? KV_VALUE_MAX : 256) +
			     10 * (kv.log.staged_recs + 1)))
		return false;
	switch (r.cmd) {
	case KVP_PUT:
	case KVP_DEL:
		stage(c, &r);
		return true;
	default:
		break;
	}
	commit(c);
	switch (r.cmd) {
	case KVP_GET:
		e = kvindex_get(&kv.log.idx, r.key, r.klen);
		if (e)
			reply(c, "VALUE %.*s\n", (int)e->vlen,
			      e->data + e->klen);
		else
			reply(c, "NOTFOUND\n");
		return true;
	case KVP_STATS:
		conn_stats(stats, sizeof(stats));
		reply(c, "%s", stats);
		return true;
	case KVP_QUIT:
		reply(c, "BYE\n");
		return false;
	default:
		kv.errors++;
		reply(c, "ERR %s\n", r.err);
		return true;
	}
}

/* Handles every complete line in c->in; false to close. */
static bool batch(struct conn *c)
{
	size_t start = 0;
	bool go_on = true;
	unsigned long compactions;

	mutex_lock(&kv.lock);
	compactions = kv.log.stats.compactions;
	while (go_on && start < c->have) {
		char *nl = memchr(c->in + start, '\n', c->have - start);
		size_t len;

		if (!nl && c->skip) {
			start = c->have; /* more of the overlong line */
			break;
		}
		if (!nl) {
			if (c->have - start <= KVP_LINE_MAX + 1)
				break; /* the rest of it is on its way */
			/* No request is this long: refuse it, drop it. */
			room(c, 64);
			commit(c);
			kv.errors++;
			reply(c, "ERR line too long (at most %u bytes)\n",
			      (unsigned int)KVP_LINE_MAX);
			c->skip = true;
			start = c->have;
			break;
		}
		len = nl - (c->in + start);
		if (c->skip) {
			c->skip = false;
		} else if (len > KVP_LINE_MAX + 1) {
			room(c, 64);
			commit(c);
			kv.errors++;
			reply(c, "ERR line too long (at most %u bytes)\n",
			      (unsigned int)KVP_LINE_MAX);
		} else {
			go_on = handle(c, c->in + start, len);
		}
		start += len + 1;
	}
	commit(c);
	if (kvlog_maybe_compact(&kv.log))
		printf("kvstore: compaction failed; the store takes no more "
		       "writes\n");
	if (kv.log.stats.compactions != compactions && kv.log_compactions)
		printf("kvstore: compacted: the log went from %llu to %llu "
		       "bytes (%zu keys), generation %llu\n",
		       (unsigned long long)kv.log.stats.compacted_from,
		       (unsigned long long)kv.log.stats.compacted_to,
		       kv.log.idx.count, (unsigned long long)kv.log.h.rgen);
	mutex_unlock(&kv.lock);
	memmove(c->in, c->in + start, c->have - start);
	c->have -= start;
	if (c->outlen && !send_all(c->fd, c->out, c->outlen))
		go_on = false;
	c->outlen = 0;
	return go_on;
}

static void serve(void *arg)
{
	struct conn *c = arg;
	struct timeval tv = { .tv_sec = SEND_MS / 1000 };
	int one = 1;

	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	while (!kv.draining) {
		ssize_t n = recv(c->fd, c->in + c->have, CONN_IN - c->have, 0);

		if (n <= 0)
			break;
		c->have += n;
		c->busy = true;
		n = batch(c);
		c->busy = false;
		if (!n)
			break;
		/* Threads are not preempted: with more lines waiting, this
		 * one would take the lock again at once, and a storm from
		 * one client would starve the others. */
		thread_yield();
	}
	close(c->fd);
	server_conn_done(c);
	free(c);
}

bool conn_start(struct conn *c)
{
	struct thread *t = thread_create("kv-conn", serve, c);

	if (!t)
		return false;
	thread_detach(t);
	return true;
}
