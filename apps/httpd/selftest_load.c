/*
 * selftest_load.c - volume and many clients: 10 MiB of /bytes/N checked
 * byte by byte; a client that resets mid-transfer; 50 connections open
 * and transferring at once (the bound the self-test sets), more refused
 * with 503, room again after one closes; and the figures: requests/s
 * and MB/s over the loopback.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "httpd.h"
#include "selftest.h"

#define TEN_MB (10 << 20)
#define EACH (256 << 10)

/* GET /bytes/n: the pattern intact and whole; the milliseconds taken,
 * and *ok (if asked) whether all was well. */
static uint64_t get_pattern(struct client *c, uint64_t n, const char *what,
			    bool *ok)
{
	char path[40];
	struct reply r;
	uint64_t t0 = st_ms(), got = 0;
	bool intact = false;

	snprintf(path, sizeof(path), "/bytes/%llu", (unsigned long long)n);
	if (st_request(c, "GET", path, "") && st_head(c, &r) &&
	    st_check(r.status == 200 && r.length == (long long)n,
		     "%s: status %d, length %lld", what, r.status, r.length))
		got = st_pattern(c, 0, n, &intact);
	intact = st_check(got == n && intact, "%s: %llu of %llu bytes, %s",
			  what, (unsigned long long)got, (unsigned long long)n,
			  intact ? "intact" : "not the pattern");
	if (ok)
		*ok = intact;
	return st_ms() - t0;
}

static void mb_per_s(char *out, size_t size, uint64_t bytes, uint64_t ms)
{
	uint64_t tenths = ms ? bytes * 10000 / (ms * 1000000) : 0;

	snprintf(out, size, "%llu.%llu", (unsigned long long)tenths / 10,
		 (unsigned long long)tenths % 10);
}

/* Waits (up to 3 s) until the server serves `active` connections. */
static bool server_settles(unsigned int active)
{
	uint64_t end = st_ms() + 3000;

	while (httpd_stats.active != active && st_ms() < end)
		thread_sleep_ns(10 * NSEC_PER_MSEC);
	return httpd_stats.active == active;
}

void st_bytes(void)
{
	struct client *c = st_connect(false);
	unsigned int active = httpd_stats.active;
	uint64_t ms, got;
	struct reply r;
	bool intact;
	char rate[16];

	if (!c)
		return;
	ms = get_pattern(c, TEN_MB, "GET /bytes/10485760", NULL);
	mb_per_s(rate, sizeof(rate), TEN_MB, ms);
	get_pattern(c, 0, "GET /bytes/0", NULL);
	get_pattern(c, 1, "GET /bytes/1", NULL);
	st_close(c);
	printf("bytes: /bytes/10485760 intact in %llu ms (%s MB/s), /bytes/0 "
	       "and /bytes/1 too\n",
	       (unsigned long long)ms, rate);

	/* 1 MiB of a 1 GiB transfer, then a reset */
	c = st_connect(false);
	if (!c)
		return;
	st_check(st_request(c, "GET", "/bytes/1073741824", "") &&
			 st_head(c, &r) && r.status == 200,
		 "GET /bytes/1073741824");
	got = st_pattern(c, 0, 1 << 20, &intact);
	st_check(got == 1 << 20 && intact, "first MiB of 1 GiB");
	st_reset(c);
	st_check(server_settles(active),
		 "the reset connection is still served (%u)",
		 httpd_stats.active);
	c = st_connect(false);
	st_check(c && st_get(c, "GET", "/hello.txt", &r, NULL, 1 << 16) &&
			 r.status == 200,
		 "no service after a client's reset");
	st_close(c);
	printf("reset: a client reset after 1 MiB of /bytes/1073741824; the "
	       "server ended that connection and serves on\n");
}

struct transfer {
	struct client *c;
	bool ok;
};

static void transfer(void *arg)
{
	struct transfer *t = arg;

	get_pattern(t->c, EACH, "one of many", &t->ok);
}

void st_many(void)
{
	unsigned int n = httpd_cfg.max_conns, refused = 0, open = 0, intact = 0;
	struct transfer t[n];
	struct thread *threads[n];
	struct client *extra;
	struct reply r;
	uint64_t t0;

	httpd_stats.peak = httpd_stats.active;
	for (unsigned int i = 0; i < n; i++)
		open += (t[i].c = st_connect(false)) != NULL;
	st_check(server_settles(n), "%u connections served, want %u",
		 httpd_stats.active, n);
	/* over the bound: 503 with Connection: close, then closed */
	for (int i = 0; i < 3; i++) {
		extra = st_connect(false);
		refused += extra && st_head(extra, &r) && r.status == 503 &&
			   r.close && st_body(extra, NULL, r.length) &&
			   st_closed(extra, 3000);
		st_close(extra);
	}
	st_check(refused == 3, "%u of 3 over the bound refused with 503",
		 refused);
	t0 = st_ms();
	for (unsigned int i = 0; i < n; i++)
		threads[i] = t[i].c ? thread_create("client", transfer, &t[i])
				    : NULL;
	for (unsigned int i = 0; i < n; i++)
		if (threads[i]) {
			thread_join(threads[i]);
			intact += t[i].ok;
		}
	t0 = st_ms() - t0;
	st_check(httpd_stats.peak == n, "peak %u connections, want %u",
		 httpd_stats.peak, n);
	/* one leaves: room for one more */
	st_close(t[0].c);
	st_check(server_settles(n - 1), "a closed connection kept its slot");
	extra = st_connect(false);
	st_check(
		extra &&
			st_get(extra, "GET", "/hello.txt", &r, NULL, 1 << 16) &&
			r.status == 200,
		"no room after one of %u closed", n);
	st_close(extra);
	for (unsigned int i = 1; i < n; i++)
		st_close(t[i].c);
	printf("many: %u connections at once (server peak %u), %u x %u KiB "
	       "intact in %llu ms; %u more refused with 503; room again after "
	       "one closed\n",
	       open, httpd_stats.peak, intact, EACH >> 10,
	       (unsigned long long)t0, refused);
	server_settles(0);
}

/* n GETs of /hello.txt: on one connection, or one connection each. */
static uint64_t requests_per_s(unsigned int n, bool reuse)
{
	struct client *c = NULL;
	struct reply r;
	uint64_t t0 = st_ms(), ms;
	unsigned int ok = 0;

	for (unsigned int i = 0; i < n; i++) {
		if (!c)
			c = st_connect(false);
		ok += c && st_get(c, "GET", "/hello.txt", &r, NULL, 1 << 16) &&
		      r.status == 200;
		if (!reuse) {
			st_close(c);
			c = NULL;
		}
	}
	st_close(c);
	ms = st_ms() - t0;
	st_check(ok == n, "bench: %u of %u answered", ok, n);
	return ms ? n * 1000ull / ms : 0;
}

void st_bench(void)
{
	uint64_t logged, quiet, fresh, ms;
	struct client *c;
	char rate[16];

	logged = requests_per_s(200, true);
	httpd_cfg.log = false;
	quiet = requests_per_s(1000, true);
	fresh = requests_per_s(300, false);
	c = st_connect(false);
	ms = c ? get_pattern(c, 64 << 20, "GET /bytes/67108864", NULL) : 0;
	st_close(c);
	httpd_cfg.log = true;
	mb_per_s(rate, sizeof(rate), 64 << 20, ms);
	printf("bench: GET /hello.txt on one connection: %llu requests/s "
	       "logged, %llu with log=0; a connection each: %llu "
	       "requests/s; /bytes/67108864: %s MB/s (checked)\n",
	       (unsigned long long)logged, (unsigned long long)quiet,
	       (unsigned long long)fresh, rate);
}
