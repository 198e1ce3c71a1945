/*
 * selftest_proto.c - the protocol: keep-alive (several requests, then
 * three pipelined, on one connection), "Connection: close" and HTTP/1.0
 * closing, each error status with whether the connection stays, the
 * head limit, and both timeouts. After the malformed requests the
 * server must still serve.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "httpd.h"
#include "selftest.h"

/* The body of a response, dropped; false if it did not all come. */
static bool skip_body(struct client *c, const struct reply *r)
{
	return r->length <= 0 || st_body(c, NULL, (size_t)r->length);
}

/* Sends raw bytes on a new connection and expects status `want`; then
 * either the server closes, or the connection still serves a GET. */
static void expect(const char *what, const char *req, size_t n, int want,
		   bool closes)
{
	struct client *c = st_connect(false);
	struct reply r = { 0 };

	if (!c)
		return;
	if (st_check(st_send(c, req, n) && st_head(c, &r) && skip_body(c, &r),
		     "%s: no response", what)) {
		st_check(r.status == want, "%s: status %d, want %d", what,
			 r.status, want);
		st_check(r.close == closes, "%s: Connection: close %s", what,
			 r.close ? "sent" : "missing");
		st_check(want != 405 || r.allow, "%s: no Allow: GET, HEAD",
			 what);
	}
	if (closes)
		st_check(st_closed(c, 3000), "%s: connection left open", what);
	else
		st_check(st_get(c, "GET", "/hello.txt", &r, NULL, 1 << 16) &&
				 r.status == 200,
			 "%s: connection not kept", what);
	st_close(c);
}

#define EXPECT(what, req, want, closes)                                        \
	expect(what, req, sizeof(req) - 1, want, closes)

static void errors(void)
{
	char *big = malloc(9100);
	struct client *c;
	struct reply r;

	EXPECT("garbage", "GARBAGE\r\n\r\n", 400, true);
	EXPECT("HTTP/0.9", "GET /\r\n\r\n", 400, true);
	EXPECT("no Host", "GET / HTTP/1.1\r\n\r\n", 400, true);
	EXPECT("folded field", "GET / HTTP/1.1\r\nHost: a\r\n b\r\n\r\n", 400,
	       true);
	EXPECT("TLS hello", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 400,
	       true);
	EXPECT("bad escape", "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400,
	       true);
	EXPECT("two lengths",
	       "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n"
	       "Content-Length: 2\r\n\r\n",
	       400, true);
	EXPECT("HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505, true);
	EXPECT("no such file", "GET /nope.html HTTP/1.1\r\nHost: a\r\n\r\n",
	       404, false);
	EXPECT("no index here", "GET /docs/ HTTP/1.1\r\nHost: a\r\n\r\n", 404,
	       false);
	EXPECT("bytes/abc", "GET /bytes/abc HTTP/1.1\r\nHost: a\r\n\r\n", 404,
	       false);
	EXPECT("over 1 TiB",
	       "GET /bytes/1099511627777 HTTP/1.1\r\nHost: a\r\n\r\n", 404,
	       false);
	EXPECT("DELETE", "DELETE /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n", 405,
	       false);
	EXPECT("POST with a body",
	       "POST /index.html HTTP/1.1\r\nHost: a\r\nContent-Length: 5"
	       "\r\n\r\nhello",
	       405, true);
	EXPECT("BREW", "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", 501, false);
	/* a head over 8192 bytes, sent whole: the 413 still arrives */
	if (big) {
		int n = snprintf(big, 9100,
				 "GET / HTTP/1.1\r\nHost: a\r\n"
				 "X-Big: ");

		memset(big + n, 'x', 9000 - n);
		memcpy(big + 9000, "\r\n\r\n", 4);
		expect("9004-byte head", big, 9004, 413, true);
		free(big);
	}
	/* the server lives on */
	c = st_connect(false);
	if (c)
		st_check(st_get(c, "GET", "/hello.txt", &r, NULL, 1 << 16) &&
				 r.status == 200,
			 "no service after the malformed requests");
	st_close(c);
}

static void keep_alive(void)
{
	static const char *const paths[] = { "/hello.txt", "/nope",
					     "/bytes/1000", "/style.css",
					     "/index.html" };
	static const char three[] =
		"GET /hello.txt HTTP/1.1\r\nHost: a\r\n\r\n"
		"HEAD /index.html HTTP/1.1\r\nHost: a\r\n\r\n"
		"GET /bytes/100 HTTP/1.1\r\nHost: a\r\n\r\n";
	unsigned long accepted = httpd_stats.accepted;
	struct client *c = st_connect(false);
	struct reply r[3];
	int ok = 0;

	if (!c)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(paths); i++)
		ok += st_get(c, "GET", paths[i], &r[0], NULL, 1 << 16) &&
		      r[0].status == (i == 1 ? 404 : 200) && !r[0].close;
	st_check(ok == ARRAY_SIZE(paths), "keep-alive: %d of 5 answered", ok);
	/* pipelined: three requests in one send, three answers in order */
	st_check(st_send(c, three, sizeof(three) - 1) && st_head(c, &r[0]) &&
			 skip_body(c, &r[0]) && st_head(c, &r[1]) &&
			 st_head(c, &r[2]) && skip_body(c, &r[2]) &&
			 r[0].status == 200 && r[0].length == 25 &&
			 r[1].status == 200 && r[2].length == 100,
		 "pipelined requests");
	st_check(httpd_stats.accepted == accepted + 1,
		 "keep-alive: %lu connections for one",
		 httpd_stats.accepted - accepted);
	/* "Connection: close": said back, and done */
	st_check(st_request(c, "GET", "/hello.txt", "Connection: close\r\n") &&
			 st_head(c, &r[0]) && skip_body(c, &r[0]) &&
			 r[0].close && st_closed(c, 3000),
		 "Connection: close not honoured");
	st_close(c);
	EXPECT("HTTP/1.0", "GET /hello.txt HTTP/1.0\r\n\r\n", 200, true);
	EXPECT("HTTP/1.0 keep-alive",
	       "GET /hello.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", 200,
	       true);
}

/* A head that stops half-way gets 408; an idle connection is closed. */
static void timeouts(void)
{
	unsigned int idle = httpd_cfg.idle_ms;
	struct client *half, *quiet;
	struct reply r;
	uint64_t t0;

	httpd_cfg.idle_ms = 1000;
	half = st_connect(false);
	quiet = st_connect(false);
	if (half && quiet) {
		t0 = st_ms();
		st_check(st_get(quiet, "GET", "/hello.txt", &r, NULL, 1 << 16),
			 "GET before idling");
		st_check(st_send(half, "GET /hello.txt HTTP/1.1\r\nHo", 27) &&
				 st_head(half, &r) && r.status == 408 &&
				 r.close && skip_body(half, &r) &&
				 st_closed(half, 3000),
			 "half a head: %d, not 408 and closed", r.status);
		st_check(st_closed(quiet, 3000) && st_ms() - t0 >= 900,
			 "idle keep-alive connection not closed after 1 s");
		printf("timeouts: half a head -> 408, idle connection closed, "
		       "after %llu ms (idle timeout 1000 ms)\n",
		       (unsigned long long)(st_ms() - t0));
	}
	st_close(half);
	st_close(quiet);
	httpd_cfg.idle_ms = idle;
}

void st_protocol(void)
{
	int before = st_failures();

	keep_alive();
	printf("keep-alive: 5 requests and 3 pipelined on one connection, "
	       "Connection: close, HTTP/1.0 closes: %s\n",
	       st_failures() > before ? "WRONG" : "ok");
	before = st_failures();
	errors();
	printf("errors: 400 x7, 404 x4, 405 x2 with Allow, 501, 505, 413 for "
	       "9004 bytes; closes after 400/413/505 and a body; serving "
	       "after: %s\n",
	       st_failures() > before ? "WRONG" : "ok");
	timeouts();
}
