/*
 * http_request_gen.h - the generator of tests/fuzz/fuzz_http.c: request
 * heads built from parts into in[], at most one flaw of a known verdict,
 * and the record of what was written (want), which is the oracle.
 * Included by that file only.
 */
#ifndef FUZZ_HTTP_REQUEST_GEN_H
#define FUZZ_HTTP_REQUEST_GEN_H

#include "apps/httpd/http_parse.h"
#include "fuzz.h"

#define ROOM (HTTP_HEAD_MAX + 1024)

static char in[ROOM];
static size_t in_len;

static void dump(void)
{
	printf("  %zu bytes: \"", in_len);
	for (size_t i = 0; i < in_len && i < 600; i++)
		printf(in[i] >= 0x20 && in[i] < 0x7f && in[i] != '"'
			       ? "%c"
			       : "\\x%02x",
		       (unsigned char)in[i]);
	printf("\"%s\n", in_len > 600 ? "..." : "");
}

static void put(const char *s)
{
	while (*s && in_len < ROOM)
		in[in_len++] = *s++;
}

static void put_byte(char c)
{
	if (in_len < ROOM)
		in[in_len++] = c;
}

static void put_eol(void)
{
	put(fz_chance(80) ? "\r\n" : "\n");
}

static const char tchars[] =
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	"0123456789!#$%&'*+-.^_`|~";
static const char pchars[] = "abcxyzABC0129-._~!$&'()*+,;=:@";

static void put_from(const char *set, size_t min, size_t max)
{
	for (size_t n = min + fz_below(max - min + 1); n; n--)
		put_byte(set[fz_below(strlen(set))]);
}

/* In a random mix of upper and lower case. */
static void put_anycase(const char *s)
{
	for (; *s; s++)
		put_byte(fz_chance(50) && *s >= 'a' && *s <= 'z' ? *s - 32
								 : *s);
}

enum flaw {
	NONE,
	METHOD_BYTE,
	TARGET_BYTE,
	ESCAPE,
	VERSION_NOT_1,
	VERSION_BAD,
	NO_HOST,
	TWO_HOSTS,
	SPACE_COLON,
	FOLD,
	VALUE_CTL,
	BARE_CR,
	LENGTHS,
	LENGTH_AND_CODING,
	LENGTH_BAD,
	TOO_BIG,
	FLAWS
};

/* What the generator wrote. */
static struct {
	int verdict;
	size_t length; /* of the head, before any pipelined request */
	enum http_method kind;
	size_t method, method_len, path, path_len; /* offsets into in */
	const char *fixed_path;			   /* "/" for "http://host" */
	unsigned int minor;
	bool close, body;
} want;

/* A byte that cannot continue a method, a target or a field value. */
static char bad_byte(const char *not_in)
{
	static const char candidates[] = "\x01\x7f\"<>\\{}#\x80\xff()@,";

	for (;;) {
		char c = candidates[fz_below(sizeof(candidates) - 1)];

		if (!strchr(not_in, c))
			return c;
	}
}

static void gen_method(enum flaw f)
{
	static const struct {
		const char *name;
		enum http_method kind;
	} methods[] = {
		{ "GET", HTTP_M_GET },	    { "HEAD", HTTP_M_HEAD },
		{ "POST", HTTP_M_OTHER },   { "PUT", HTTP_M_OTHER },
		{ "DELETE", HTTP_M_OTHER }, { "TRACE", HTTP_M_OTHER },
		{ "PATCH", HTTP_M_OTHER },  { "get", HTTP_M_UNKNOWN },
		{ "GETS", HTTP_M_UNKNOWN }, { "M-SEARCH", HTTP_M_UNKNOWN }
	};
	size_t i = fz_below(fz_chance(70) ? 2
					  : sizeof(methods) / sizeof(*methods));

	want.method = in_len;
	put(methods[i].name);
	want.kind = methods[i].kind;
	want.method_len = in_len - want.method;
	if (f == METHOD_BYTE)
		in[want.method + fz_below(want.method_len)] = bad_byte(tchars);
}

static void gen_target(enum flaw f)
{
	size_t start = in_len;

	want.fixed_path = NULL;
	if (fz_chance(20)) { /* absolute-form */
		put_anycase("http://");
		put_from("abcdefgh.-", 1, 12);
		if (fz_chance(30))
			put(":8080");
		if (fz_chance(25)) { /* no path: it is "/" */
			want.fixed_path = "/";
			want.path_len = 1;
		}
	}
	if (!want.fixed_path) {
		want.path = in_len;
		for (size_t n = 1 + fz_below(4); n; n--) {
			put_byte('/');
			put_from(pchars, 0, 10);
			if (fz_chance(20))
				put((const char *[]){ "%20", "%7e", "%C3%A9",
						      "%2F" }[fz_below(4)]);
		}
		want.path_len = in_len - want.path;
	}
	if (fz_chance(25)) {
		put_byte('?');
		put_from("abc=&/?:@", 0, 12);
		put(fz_chance(30) ? "%20" : "");
	}
	if (f == TARGET_BYTE)
		in[start + fz_below(in_len - start)] =
			bad_byte("-._~!$&'()*+,;=:@/?%[]");
	if (f == ESCAPE)
		put((const char *[]){ "%", "%0", "%g0", "%0g",
				      "%00" }[fz_below(5)]);
}

static void gen_request_line(enum flaw f)
{
	for (unsigned int n = fz_chance(80) ? 0 : 1 + fz_below(3); n; n--)
		put_eol();
	gen_method(f);
	put_byte(' ');
	gen_target(f);
	put_byte(' ');
	want.minor = f == NO_HOST || fz_chance(80) ? 1 : 0;
	if (f == VERSION_NOT_1)
		put((const char *[]){ "HTTP/2.0", "HTTP/0.9",
				      "HTTP/3.1" }[fz_below(3)]);
	else if (f == VERSION_BAD)
		put((const char *[]){ "HTTP/1.10", "http/1.1", "HTTP/1",
				      "HTTP/1.1 ", "HTTP/1.x",
				      "HTTP 1.1" }[fz_below(6)]);
	else
		put(want.minor ? (fz_chance(90) ? "HTTP/1.1" : "HTTP/1.9")
			       : "HTTP/1.0");
	put_eol();
}

static void put_ows(void)
{
	put_from(" \t", 0, fz_chance(70) ? 1 : 3);
}

static void gen_field(const char *name, const char *value, enum flaw f)
{
	put_anycase(name);
	if (f == SPACE_COLON)
		put_byte(fz_chance(50) ? ' ' : '\t');
	put_byte(':');
	put_ows();
	put(value);
	put_ows();
	put_eol();
}

/* A field of random name and value, none this server acts on; with a
 * CTL or a bare CR inside for those flaws. */
static void gen_other_field(enum flaw f)
{
	size_t v;

	put_from("xyzXYZ-_", 2, 12);
	put_byte(':');
	put_ows();
	v = in_len;
	put_from("abc =;,\t/\x80\xe9", 1, 24);
	while (in_len > v && (in[in_len - 1] == ' ' || in[in_len - 1] == '\t'))
		in_len--;
	if (f == VALUE_CTL)
		put_byte("\x01\x08\x0b\x1f\x7f\x00"[fz_below(6)]);
	if (f == BARE_CR)
		put_byte('\r');
	put_byte('x');
	put_ows();
	put_eol();
}

static void gen_connection(bool *close)
{
	bool c = fz_chance(40);

	put_anycase("connection:");
	put_ows();
	put(fz_chance(50) ? "keep-alive" : "upgrade");
	if (c) {
		put_byte(',');
		put_ows();
		put_anycase("close");
	}
	put(fz_chance(30) ? ", te" : "");
	put_eol();
	*close |= c;
}

static void gen_fields(enum flaw f)
{
	unsigned int n = fz_below(6), host_at = fz_below(n + 1);
	/* one framing for the whole head: a repeated length is the same */
	const char *length = (const char *[]){ NULL, "0", "12", "chunked",
					       NULL }[fz_below(5)];
	bool close = false;

	want.body = false;
	for (unsigned int i = 0; i <= n; i++) {
		if (i == host_at && f != NO_HOST &&
		    (want.minor || f == TWO_HOSTS || fz_chance(50)))
			gen_field("host", "example.org", NONE);
		if (i == host_at && f == TWO_HOSTS)
			gen_field("Host", "b", NONE);
		switch (fz_below(4)) {
		case 0:
			gen_connection(&close);
			break;
		case 1:
			want.body |= length && strcmp(length, "0");
			if (length)
				gen_field(strcmp(length, "chunked")
						  ? "content-length"
						  : "transfer-encoding",
					  length, NONE);
			break;
		default:
			gen_other_field(NONE);
		}
	}
	if (f == SPACE_COLON)
		gen_field("X-Space", "v", f);
	if (f == FOLD) {
		put_from(" \t", 1, 2);
		put("folded");
		put_eol();
	}
	if (f == VALUE_CTL || f == BARE_CR)
		gen_other_field(f);
	if (f == LENGTHS) {
		gen_field("Content-Length", "3", NONE);
		gen_field("Content-Length", "4", NONE);
	}
	if (f == LENGTH_AND_CODING) {
		gen_field("Content-Length", "3", NONE);
		gen_field("Transfer-Encoding", "chunked", NONE);
	}
	if (f == LENGTH_BAD)
		gen_field(
			"Content-Length",
			(const char *[]){ "-1", "1 2", "0x10", "",
					  "1234567890123456789" }[fz_below(5)],
			NONE);
	want.close = close || want.minor == 0 || want.body;
}

static void gen_request(void)
{
	enum flaw f =
		fz_chance(40) ? NONE : (enum flaw)(1 + fz_below(FLAWS - 1));
	size_t end;

	in_len = 0;
	gen_request_line(f);
	gen_fields(f);
	/* A last field that ends the head at HTTP_HEAD_MAX - 40 .. MAX, or
	 * past it for TOO_BIG: "X-Pad: ppp...\r\n", then the blank line. */
	if (f == TOO_BIG || fz_chance(10)) {
		size_t target = f == TOO_BIG ? HTTP_HEAD_MAX + 1 + fz_below(500)
					     : HTTP_HEAD_MAX - fz_below(40);

		put("X-Pad: ");
		while (in_len < target - 4)
			put_byte('p');
		put("\r\n");
	}
	put_eol();
	end = in_len;
	want.length = end;
	if (f == VERSION_NOT_1)
		want.verdict = HTTP_VERSION;
	else if (f != NONE && f != TOO_BIG)
		want.verdict = HTTP_BAD;
	else
		want.verdict = end > HTTP_HEAD_MAX ? HTTP_TOO_BIG : HTTP_DONE;
	/* a pipelined request after the head */
	if (fz_chance(30))
		put("GET /next HTTP/1.1\r\n");
}

#endif
