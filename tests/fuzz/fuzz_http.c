/*
 * fuzz_http.c - apps/httpd's request-head parser (http_parse.c).
 *
 * requests: heads built from parts (http_request_gen.h) - empty lines first,
 * methods of every kind, targets in origin-, absolute- and asterisk-form with
 * %-escapes and queries, HTTP/1.0 and 1.x, Host, Connection option lists in any
 * case, Content-Length and Transfer-Encoding, fields of random tokens and
 * values with OWS, CRLF or bare LF per line, heads near HTTP_HEAD_MAX -
 * and at most one flaw of a known verdict (a byte no method, target or
 * value may hold, a bad escape, a wrong version, Host missing or twice,
 * white space before a colon, a folded line, a bare CR, conflicting
 * lengths, a head too big). The oracle is the generator's own record of
 * what it wrote: verdict, head length, method kind, path, version,
 * close and body. Then, for any input: a prefix's verdict is HTTP_MORE
 * or the whole input's, and bytes after a head change nothing.
 *
 * soup: random bytes, mostly HTTP's own: a verdict from the list, the
 * same prefix rules, and a DONE head's pointers inside the buffer.
 *
 * path_decode: short paths of '/', 'a', '%' and hex digits of both
 * cases, into buffers of every size, against a reading of the function's
 * comment.
 *
 * Planted bugs found within `make test`'s iterations: %00 accepted, the
 * head limit one byte too far, a second Host accepted, Connection's
 * "close" case-sensitive, a one-digit escape accepted, HTTP_BAD for a CR
 * at the end of the input (a prefix rule), Content-Length beside
 * Transfer-Encoding accepted, CR taken as a value byte.
 */
#include "apps/httpd/http_parse.h"
#include "fuzz.h"
#include "http_request_gen.h"

static int parse_copy(size_t n, struct http_request *r)
{
	/* exactly n bytes on the heap: ASan sees a read one past */
	char *b = malloc(n ? n : 1);
	int v;

	memcpy(b, in, n);
	v = http_parse(b, n, r);
	if (v == HTTP_DONE) { /* compare as offsets into in */
		r->method = in + (r->method - b);
		r->target = in + (r->target - b);
		if (r->path >= b && r->path < b + n)
			r->path = in + (r->path - b);
	}
	free(b);
	return v;
}

static bool same_request(const struct http_request *a,
			 const struct http_request *b)
{
	return a->length == b->length && a->method == b->method &&
	       a->method_len == b->method_len && a->target == b->target &&
	       a->target_len == b->target_len && a->path == b->path &&
	       a->path_len == b->path_len && a->kind == b->kind &&
	       a->minor == b->minor && a->body == b->body &&
	       a->close == b->close;
}

static void check_prefixes(int whole, const struct http_request *full)
{
	for (int i = 0; i < 4; i++) {
		size_t k = fz_below(in_len + 1);
		struct http_request r;
		int v = parse_copy(k, &r);

		FZ_CHECK(v == HTTP_MORE || v == whole,
			 "prefix of %zu bytes: %d, whole: %d", k, v, whole);
		FZ_CHECK(v != HTTP_MORE || k < HTTP_HEAD_MAX,
			 "%zu bytes and still HTTP_MORE", k);
		if (v == HTTP_DONE)
			FZ_CHECK(same_request(&r, full),
				 "prefix of %zu bytes: another request", k);
	}
}

FUZZ(requests, 20000)
{
	struct http_request r;
	int v;

	fz_dump = dump;
	gen_request();
	v = parse_copy(in_len, &r);
	FZ_CHECK(v == want.verdict, "verdict %d, want %d", v, want.verdict);
	if (v == HTTP_DONE) {
		const char *path =
			want.fixed_path ? want.fixed_path : in + want.path;

		FZ_CHECK(r.kind == want.kind, "method kind %d, want %d", r.kind,
			 want.kind);
		FZ_CHECK(r.method == in + want.method &&
				 r.method_len == want.method_len,
			 "method span");
		FZ_CHECK(r.path_len == want.path_len &&
				 !memcmp(r.path, path, r.path_len),
			 "path \"%.*s\"", (int)r.path_len, r.path);
		FZ_CHECK(r.minor == want.minor, "minor %u", r.minor);
		FZ_CHECK(r.body == want.body && r.close == want.close,
			 "body %d close %d, want %d %d", r.body, r.close,
			 want.body, want.close);
		FZ_CHECK(r.length == want.length, "length %zu, want %zu",
			 r.length, want.length);
	}
	check_prefixes(v, &r);
}

FUZZ(soup, 20000)
{
	static const char *const words[] = { "GET ",
					     "HEAD ",
					     " ",
					     "/",
					     "%",
					     "%4",
					     "HTTP/1.1",
					     "HTTP/1.0",
					     "\r\n",
					     "\n",
					     "\r",
					     "Host: h",
					     ":",
					     "Content-Length: 1",
					     "Connection: close",
					     "\t",
					     "?",
					     "\r\n\r\n",
					     "http://h" };
	struct http_request r;
	int v;

	fz_dump = dump;
	in_len = 0;
	for (unsigned int n = fz_below(40); n; n--) {
		if (fz_chance(70))
			put(words[fz_below(sizeof(words) / sizeof(*words))]);
		else
			put_byte((char)fz_u64());
	}
	v = parse_copy(in_len, &r);
	FZ_CHECK(v == HTTP_MORE || v == HTTP_DONE || v == HTTP_BAD ||
			 v == HTTP_VERSION,
		 "verdict %d", v);
	if (v == HTTP_DONE) {
		FZ_CHECK(r.length <= in_len && r.method >= in &&
				 r.method + r.method_len <= in + r.length &&
				 r.target >= r.method &&
				 r.target + r.target_len <= in + r.length,
			 "spans outside the head");
		FZ_CHECK(r.path_len && r.path_len <= r.target_len,
			 "path of %zu bytes", r.path_len);
	}
	check_prefixes(v, &r);
}

static int hex(char c)
{
	const char *d = "0123456789abcdef0123456789ABCDEF";
	const char *p = c ? strchr(d, c) : NULL;

	return p ? (int)(p - d) % 16 : -1;
}

/* http_path_decode against a reading of its comment: each %XX is one
 * byte, a short or non-hex escape or %00 fails, and so does no room
 * for the bytes and the NUL. */
FUZZ(path_decode, 20000)
{
	char out[32], want_out[32];
	size_t size = fz_below(sizeof(out) + 1), n = 0;
	int got, want_n = 0;

	fz_dump = dump;
	in_len = 0;
	put_from("/a%0%0fF9gG", 0, 24);
	for (size_t i = 0; i < in_len && want_n >= 0; i++, n++) {
		char c = in[i];

		if (c == '%') {
			int hi = i + 1 < in_len ? hex(in[i + 1]) : -1;
			int lo = i + 2 < in_len ? hex(in[i + 2]) : -1;

			c = (char)(hi * 16 + lo);
			want_n = hi < 0 || lo < 0 || !c ? -1 : want_n;
			i += 2;
		}
		want_out[n] = c;
	}
	if (want_n >= 0)
		want_n = n + 1 <= size ? (int)n : -1;
	got = http_path_decode(in, in_len, out, size);
	FZ_CHECK(got == want_n, "decoded %d bytes into %zu, want %d", got, size,
		 want_n);
	FZ_CHECK(got < 0 || (!memcmp(out, want_out, n) && !out[n]),
		 "wrong bytes \"%s\"", out);
}
