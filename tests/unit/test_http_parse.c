/*
 * test_http_parse.c - the request-head parser of apps/httpd: what a
 * request yields, the verdict on each malformed form, the 8 KiB limit at
 * its edge, and that no prefix of a good request gets a final verdict.
 * tests/fuzz/fuzz_http.c throws generated requests at it.
 */
#include <stdlib.h>

#include "apps/httpd/http_parse.h"
#include "unit.h"

static int parse(const char *s, struct http_request *r)
{
	return http_parse(s, strlen(s), r);
}

static int verdict(const char *s)
{
	struct http_request r;

	return parse(s, &r);
}

static bool span_is(const char *p, size_t n, const char *want)
{
	return p && n == strlen(want) && !memcmp(p, want, n);
}

TEST(get_yields_its_parts)
{
	const char *s = "GET /a/b.html?x=1 HTTP/1.1\r\nHost: h\r\n"
			"User-Agent: t\r\n\r\nGET /next";
	struct http_request r;

	CHECK(parse(s, &r) == HTTP_DONE);
	CHECK(r.length == strlen(s) - strlen("GET /next"));
	CHECK(span_is(r.method, r.method_len, "GET"));
	CHECK(span_is(r.target, r.target_len, "/a/b.html?x=1"));
	CHECK(span_is(r.path, r.path_len, "/a/b.html"));
	CHECK(r.kind == HTTP_M_GET && r.minor == 1);
	CHECK(!r.close && !r.body);
}

TEST(no_prefix_of_a_request_is_final)
{
	const char *s = "\r\nHEAD /%41b HTTP/1.1\r\nHost: x\r\n"
			"Connection: keep-alive\r\nAccept: */*\r\n\r\n";
	size_t n = strlen(s);
	struct http_request r;

	for (size_t k = 0; k < n; k++) {
		/* exactly k bytes, in a buffer of that size (ASan) */
		char *b = malloc(k + 1);

		memcpy(b, s, k);
		CHECK(http_parse(b, k, &r) == HTTP_MORE);
		free(b);
	}
	CHECK(http_parse(s, n, &r) == HTTP_DONE);
	CHECK(r.kind == HTTP_M_HEAD && r.length == n);
}

TEST(keep_alive_and_close)
{
	struct http_request r;

	CHECK(parse("GET / HTTP/1.0\r\n\r\n", &r) == HTTP_DONE);
	CHECK(r.close && r.minor == 0);
	/* HTTP/1.0 closes even when it asks to keep the connection */
	CHECK(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", &r) ==
	      HTTP_DONE);
	CHECK(r.close);
	CHECK(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, CLOSE "
		    "\r\n\r\n",
		    &r) == HTTP_DONE);
	CHECK(r.close);
	CHECK(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: closer\r\n\r\n",
		    &r) == HTTP_DONE);
	CHECK(!r.close);
	/* a higher 1.x minor is served as 1.1 */
	CHECK(parse("GET / HTTP/1.7\r\nHost: h\r\n\r\n", &r) == HTTP_DONE);
	CHECK(r.minor == 1 && !r.close);
}

TEST(a_body_means_close)
{
	struct http_request r;

	CHECK(parse("POST /f HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n",
		    &r) == HTTP_DONE);
	CHECK(r.kind == HTTP_M_OTHER && r.body && r.close);
	CHECK(parse("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n"
		    "Content-Length: 0\r\n\r\n",
		    &r) == HTTP_DONE);
	CHECK(!r.body && !r.close);
	CHECK(parse("GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: "
		    "chunked\r\n\r\n",
		    &r) == HTTP_DONE);
	CHECK(r.body && r.close);
}

TEST(lenient_where_rfc9112_allows)
{
	struct http_request r;

	/* empty lines first, bare LF line ends, tabs around a value */
	CHECK(parse("\r\n\n\r\nGET / HTTP/1.1\nHost:\tx \t\n\n", &r) ==
	      HTTP_DONE);
	CHECK(r.length == strlen("\r\n\n\r\nGET / HTTP/1.1\nHost:\tx \t\n\n"));
	/* obs-text in a value, an empty value */
	CHECK(verdict("GET / HTTP/1.1\r\nHost: h\r\nX: caf\xc3\xa9\r\nY:\r\n"
		      "\r\n") == HTTP_DONE);
}

TEST(target_forms)
{
	struct http_request r;

	CHECK(parse("GET http://example.org:8080/p/q?z HTTP/1.1\r\nHost: e\r\n"
		    "\r\n",
		    &r) == HTTP_DONE);
	CHECK(span_is(r.path, r.path_len, "/p/q"));
	CHECK(parse("GET HTTP://example.org?z HTTP/1.1\r\nHost: e\r\n\r\n",
		    &r) == HTTP_DONE);
	CHECK(span_is(r.path, r.path_len, "/"));
	CHECK(parse("OPTIONS * HTTP/1.1\r\nHost: e\r\n\r\n", &r) == HTTP_DONE);
	CHECK(r.kind == HTTP_M_OTHER && span_is(r.path, r.path_len, "*"));
	CHECK(parse("CONNECT e.org:443 HTTP/1.1\r\nHost: e\r\n\r\n", &r) ==
	      HTTP_DONE);
	CHECK(r.kind == HTTP_M_OTHER);
	CHECK(parse("BREW /pot HTTP/1.1\r\nHost: e\r\n\r\n", &r) == HTTP_DONE);
	CHECK(r.kind == HTTP_M_UNKNOWN);
}

TEST(malformed_heads_get_their_verdict)
{
	static const struct {
		const char *in;
		int want;
	} cases[] = {
		{ "GET / HTTP/1.1\r\n\r\n", HTTP_BAD }, /* no Host */
		{ "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", HTTP_BAD },
		{ "GET  / HTTP/1.1\r\n", HTTP_BAD },
		{ " GET / HTTP/1.1\r\n", HTTP_BAD },
		{ "GET /\r\n", HTTP_BAD }, /* HTTP/0.9 */
		{ "GET / HTTP/1.1 \r\n", HTTP_BAD },
		{ "GET / http/1.1\r\n", HTTP_BAD },
		{ "GET / HTTP/1.10\r\n", HTTP_BAD },
		{ "GET / HTTP/11\r\n", HTTP_BAD },
		{ "GET / HTTP/2.0\r\nHost: x\r\n\r\n", HTTP_VERSION },
		{ "GET / HTTP/0.9\r\n", HTTP_VERSION },
		{ "GET / HTTP/1.1\r\r\n", HTTP_BAD }, /* bare CR */
		{ "GET / HTTP/1.1\r\nHost: a\rb\r\n", HTTP_BAD },
		{ "G\x01T / HTTP/1.1\r\n", HTTP_BAD },
		{ "GET /a\"b HTTP/1.1\r\n", HTTP_BAD },
		{ "GET /a#f HTTP/1.1\r\n", HTTP_BAD },
		{ "GET /%zz HTTP/1.1\r\n", HTTP_BAD },
		{ "GET /%00 HTTP/1.1\r\n", HTTP_BAD },
		{ "GET a/b HTTP/1.1\r\n", HTTP_BAD },
		{ "GET * HTTP/1.1\r\n", HTTP_BAD },
		{ "GET http:// HTTP/1.1\r\n", HTTP_BAD },
		{ "GET http:///x HTTP/1.1\r\n", HTTP_BAD },
		{ "GET ftp://h/x HTTP/1.1\r\n", HTTP_BAD },
		{ "GET / HTTP/1.1\r\nHost : a\r\n", HTTP_BAD },
		{ "GET / HTTP/1.1\r\n Host: a\r\n", HTTP_BAD }, /* fold */
		{ "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n", HTTP_BAD },
		{ "GET / HTTP/1.1\r\n: a\r\n", HTTP_BAD },
		{ "GET / HTTP/1.1\r\nNoColon\r\n", HTTP_BAD },
		{ "GET / HTTP/1.1\r\nX: a\x7f\r\n", HTTP_BAD },
		{ "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n",
		  HTTP_BAD },
		{ "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n",
		  HTTP_BAD },
		{ "GET / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: "
		  "chunked\r\n",
		  HTTP_BAD },
		{ "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
		  "Content-Length: 1\r\n",
		  HTTP_BAD },
		{ "GET / HTTP/1.1\r\nContent-Length: 1234567890123456789\r\n",
		  HTTP_BAD },
		/* a valid beginning is not final */
		{ "GET / HTTP/2.0", HTTP_MORE },
		{ "GET /%4", HTTP_MORE },
		{ "GET / HTTP/1.1\r", HTTP_MORE },
		{ "", HTTP_MORE },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = verdict(cases[i].in);

		if (got != cases[i].want) {
			printf("  \"%s\": %d, want %d\n", cases[i].in, got,
			       cases[i].want);
			CHECK(got == cases[i].want);
		}
	}
	/* a NUL anywhere in the head is refused, not a string's end */
	static const char nul[] = "GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n";
	struct http_request r;

	CHECK(http_parse(nul, sizeof(nul) - 1, &r) == HTTP_BAD);
}

/* A GET whose head is exactly n bytes: padded with one field. */
static char *head_of(size_t n)
{
	const char *start = "GET / HTTP/1.1\r\nHost: h\r\nX: ";
	char *b = malloc(n + 1);
	size_t fixed = strlen(start) + 4;

	memcpy(b, start, strlen(start));
	memset(b + strlen(start), 'p', n - fixed);
	memcpy(b + n - 4, "\r\n\r\n", 4);
	b[n] = '\0';
	return b;
}

TEST(head_limit_is_exact)
{
	struct http_request r;
	char *b = head_of(HTTP_HEAD_MAX), *c = head_of(HTTP_HEAD_MAX + 1);

	CHECK(http_parse(b, HTTP_HEAD_MAX, &r) == HTTP_DONE);
	CHECK(r.length == HTTP_HEAD_MAX);
	/* one byte more: the head does not end within the limit */
	CHECK(http_parse(c, HTTP_HEAD_MAX, &r) == HTTP_TOO_BIG);
	CHECK(http_parse(c, HTTP_HEAD_MAX - 1, &r) == HTTP_MORE);
	CHECK(http_parse(c, HTTP_HEAD_MAX + 1, &r) == HTTP_TOO_BIG);
	/* an error inside the limit stays 400, whatever follows */
	c[3] = '\x01';
	CHECK(http_parse(c, HTTP_HEAD_MAX + 1, &r) == HTTP_BAD);
	free(b);
	free(c);
}

TEST(path_decode)
{
	char out[8];

	CHECK(http_path_decode("/a%20b", 6, out, sizeof(out)) == 4);
	CHECK_STR(out, "/a b");
	CHECK(http_path_decode("/%7e%7E", 7, out, sizeof(out)) == 3);
	CHECK_STR(out, "/~~");
	CHECK(http_path_decode("/1234567", 8, out, sizeof(out)) == -1);
	CHECK(http_path_decode("/123456", 7, out, sizeof(out)) == 7);
	CHECK(http_path_decode("/%0", 3, out, sizeof(out)) == -1);
	CHECK(http_path_decode("/%00", 4, out, sizeof(out)) == -1);
	CHECK(http_path_decode("/%g1", 4, out, sizeof(out)) == -1);
	CHECK(http_path_decode("", 0, out, 0) == -1);
}
