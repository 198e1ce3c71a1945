/*
 * http_parse.c - an HTTP/1.x request head, strictly by RFC 9112 with the
 * leniencies it allows a server: empty lines before the request line are
 * skipped, and a bare LF ends a line as CRLF does.
 *
 * The scan goes byte by byte and stops at the first byte that no
 * continuation can make valid (400 then), or at the end of what has
 * arrived (HTTP_MORE): so a verdict reached on a prefix is the verdict
 * of every longer input, and a peer trickling garbage is refused at its
 * first wrong byte rather than after HTTP_HEAD_MAX.
 */
#include <stdint.h>
#include <string.h>

#include <pvmini/lib.h>

#include "http_parse.h"

#define CONTINUE (-1) /* this line is fine: go on to the next */

struct scan {
	const unsigned char *buf;
	size_t pos, len;
};

/* What the header fields said, for the checks at the blank line. */
struct fields {
	unsigned int hosts;
	bool have_length, chunked_or_coded, close;
	uint64_t length;
};

static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* RFC 9110 5.6.2: the characters of a token (methods, field names). */
static bool is_tchar(unsigned char c)
{
	return is_alnum(c) || (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* RFC 3986: what a request-target may hold ('%' is checked apart). */
static bool is_target_char(unsigned char c)
{
	return is_alnum(c) || (c && strchr("-._~!$&'()*+,;=:@/?%[]", c));
}

/* A field value's bytes: HTAB, visible ASCII, SP and obs-text; no CTL. */
static bool is_value_char(unsigned char c)
{
	return c == '\t' || (c >= 0x20 && c != 0x7f);
}

static bool same_nocase(const unsigned char *a, size_t n, const char *b)
{
	if (strlen(b) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char x = a[i], y = (unsigned char)b[i];

		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (x != y)
			return false;
	}
	return true;
}

/* CRLF or LF at s->pos. */
static int end_of_line(struct scan *s)
{
	if (s->pos >= s->len)
		return HTTP_MORE;
	if (s->buf[s->pos] == '\n') {
		s->pos++;
		return CONTINUE;
	}
	if (s->buf[s->pos] != '\r')
		return HTTP_BAD;
	if (s->pos + 1 >= s->len)
		return HTTP_MORE;
	if (s->buf[s->pos + 1] != '\n')
		return HTTP_BAD; /* a bare CR */
	s->pos += 2;
	return CONTINUE;
}

/* A run of bytes of one class; HTTP_MORE if it reaches the end. */
static int run(struct scan *s, bool (*in_class)(unsigned char))
{
	while (s->pos < s->len && in_class(s->buf[s->pos]))
		s->pos++;
	return s->pos < s->len ? CONTINUE : HTTP_MORE;
}

/* A target's bytes, each '%' followed by two hex digits, never %00. */
static int target_run(struct scan *s)
{
	while (s->pos < s->len && is_target_char(s->buf[s->pos])) {
		if (s->buf[s->pos] == '%') {
			for (size_t k = 1; k <= 2; k++) {
				if (s->pos + k >= s->len)
					return HTTP_MORE;
				if (hex_digit_value(s->buf[s->pos + k]) < 0)
					return HTTP_BAD;
			}
			if (s->buf[s->pos + 1] == '0' &&
			    s->buf[s->pos + 2] == '0')
				return HTTP_BAD;
			s->pos += 2;
		}
		s->pos++;
	}
	return s->pos < s->len ? CONTINUE : HTTP_MORE;
}

static enum http_method method_kind(const unsigned char *m, size_t n)
{
	static const char *const refused[] = { "POST",	  "PUT",     "DELETE",
					       "CONNECT", "OPTIONS", "TRACE",
					       "PATCH" };

	if (n == 3 && !memcmp(m, "GET", 3))
		return HTTP_M_GET;
	if (n == 4 && !memcmp(m, "HEAD", 4))
		return HTTP_M_HEAD;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (strlen(refused[i]) == n && !memcmp(m, refused[i], n))
			return HTTP_M_OTHER;
	return HTTP_M_UNKNOWN;
}

/* The form of a whole target (RFC 9112 3.2) and the path inside it. */
static int target_form(struct http_request *r)
{
	const char *t = r->target, *end = t + r->target_len, *p;

	if (t[0] == '/') {
		p = t;
	} else if (r->target_len == 1 && t[0] == '*') {
		if (r->method_len != 7 || memcmp(r->method, "OPTIONS", 7))
			return HTTP_BAD;
		p = t;
	} else if (r->target_len > 7 &&
		   same_nocase((const unsigned char *)t, 7, "http://")) {
		/* absolute-form: a non-empty authority, then the path */
		p = t + 7;
		while (p < end && *p != '/' && *p != '?')
			p++;
		if (p == t + 7)
			return HTTP_BAD;
		if (p == end || *p == '?') {
			r->path = "/";
			r->path_len = 1;
			return CONTINUE;
		}
	} else if (r->kind == HTTP_M_OTHER && r->method_len == 7 &&
		   !memcmp(r->method, "CONNECT", 7)) {
		p = t; /* authority-form: refused with 405 all the same */
	} else {
		return HTTP_BAD;
	}
	r->path = p;
	while (p < end && *p != '?')
		p++;
	r->path_len = (size_t)(p - r->path);
	return CONTINUE;
}

/* Byte i of "HTTP/" DIGIT "." DIGIT. */
static bool version_byte(size_t i, unsigned char c)
{
	if (i < 5)
		return c == (unsigned char)"HTTP/"[i];
	if (i == 6)
		return c == '.';
	return c >= '0' && c <= '9';
}

/* method SP request-target SP HTTP-version CRLF */
static int request_line(struct scan *s, struct http_request *r)
{
	const char *base = (const char *)s->buf;
	size_t start = s->pos;
	unsigned int major, minor;
	int rc;

	if ((rc = run(s, is_tchar)) != CONTINUE)
		return rc;
	if (s->pos == start || s->buf[s->pos] != ' ')
		return HTTP_BAD;
	r->method = base + start;
	r->method_len = s->pos - start;
	r->kind = method_kind(s->buf + start, r->method_len);
	start = ++s->pos;
	if ((rc = target_run(s)) != CONTINUE)
		return rc;
	if (s->pos == start || s->buf[s->pos] != ' ')
		return HTTP_BAD;
	r->target = base + start;
	r->target_len = s->pos - start;
	if ((rc = target_form(r)) != CONTINUE)
		return rc;
	s->pos++;
	for (size_t i = 0; i < 8; i++, s->pos++) {
		if (s->pos >= s->len)
			return HTTP_MORE;
		if (!version_byte(i, s->buf[s->pos]))
			return HTTP_BAD;
	}
	major = s->buf[s->pos - 3] - '0';
	minor = s->buf[s->pos - 1] - '0';
	if ((rc = end_of_line(s)) != CONTINUE)
		return rc;
	if (major != 1)
		return HTTP_VERSION;
	r->minor = minor ? 1 : 0;
	return CONTINUE;
}

/* 1*DIGIT, below 10^18: more is no length this server could use. */
static bool parse_length(const unsigned char *v, size_t n, uint64_t *out)
{
	uint64_t x = 0;

	if (n == 0 || n > 18)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return false;
		x = x * 10 + (v[i] - '0');
	}
	*out = x;
	return true;
}

/* "close" among the comma-separated options of a Connection field. */
static bool says_close(const unsigned char *v, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t a = i, b;

		while (i < n && v[i] != ',')
			i++;
		b = i++;
		while (a < b && (v[a] == ' ' || v[a] == '\t'))
			a++;
		while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t'))
			b--;
		if (same_nocase(v + a, b - a, "close"))
			return true;
	}
	return false;
}

/* The fields this server acts on; the others are read and ignored. */
static int field(struct fields *f, const unsigned char *name, size_t nlen,
		 const unsigned char *v, size_t vlen)
{
	uint64_t length;

	if (same_nocase(name, nlen, "host")) {
		if (++f->hosts > 1)
			return HTTP_BAD; /* RFC 9112 3.2: exactly one */
	} else if (same_nocase(name, nlen, "content-length")) {
		/* Two different lengths, or one beside a transfer coding:
		 * the framing is ambiguous (request smuggling). */
		if (!parse_length(v, vlen, &length) || f->chunked_or_coded ||
		    (f->have_length && f->length != length))
			return HTTP_BAD;
		f->have_length = true;
		f->length = length;
	} else if (same_nocase(name, nlen, "transfer-encoding")) {
		if (f->have_length)
			return HTTP_BAD;
		f->chunked_or_coded = true;
	} else if (same_nocase(name, nlen, "connection")) {
		f->close |= says_close(v, vlen);
	}
	return CONTINUE;
}

/* field-name ":" OWS field-value OWS CRLF, or the blank line. */
static int header_line(struct scan *s, struct http_request *r, struct fields *f)
{
	size_t name = s->pos, name_len, value, end;
	int rc;

	if (s->pos >= s->len)
		return HTTP_MORE;
	if (s->buf[s->pos] == '\r' || s->buf[s->pos] == '\n') {
		if ((rc = end_of_line(s)) != CONTINUE)
			return rc;
		if (r->minor >= 1 && f->hosts == 0)
			return HTTP_BAD;
		r->body = (f->have_length && f->length) || f->chunked_or_coded;
		r->close = r->minor == 0 || f->close || r->body;
		r->length = s->pos;
		return HTTP_DONE;
	}
	/* A line folded onto the one before (obs-fold) is refused, as is
	 * white space before the colon (RFC 9112 5.1, 5.2). */
	if ((rc = run(s, is_tchar)) != CONTINUE)
		return rc;
	if (s->pos == name || s->buf[s->pos] != ':')
		return HTTP_BAD;
	name_len = s->pos - name;
	value = ++s->pos;
	if ((rc = run(s, is_value_char)) != CONTINUE)
		return rc;
	end = s->pos;
	if ((rc = end_of_line(s)) != CONTINUE)
		return rc;
	while (value < end && (s->buf[value] == ' ' || s->buf[value] == '\t'))
		value++;
	while (end > value &&
	       (s->buf[end - 1] == ' ' || s->buf[end - 1] == '\t'))
		end--;
	return field(f, s->buf + name, name_len, s->buf + value, end - value);
}

int http_parse(const char *buf, size_t len, struct http_request *req)
{
	struct scan s = { (const unsigned char *)buf, 0,
			  len < HTTP_HEAD_MAX ? len : HTTP_HEAD_MAX };
	struct fields f = { 0 };
	int rc = CONTINUE;

	*req = (struct http_request){ 0 };
	/* RFC 9112 2.2: empty lines before the request line are ignored. */
	while (rc == CONTINUE && s.pos < s.len &&
	       (s.buf[s.pos] == '\r' || s.buf[s.pos] == '\n'))
		rc = end_of_line(&s);
	if (rc == CONTINUE)
		rc = request_line(&s, req);
	while (rc == CONTINUE)
		rc = header_line(&s, req, &f);
	if (rc != HTTP_DONE)
		*req = (struct http_request){ 0 };
	if (rc == HTTP_MORE && len >= HTTP_HEAD_MAX)
		return HTTP_TOO_BIG;
	return rc;
}

int http_path_decode(const char *path, size_t len, char *out, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++, n++) {
		int c = (unsigned char)path[i];

		if (n + 1 >= size)
			return -1;
		if (c == '%') {
			int hi =
				i + 2 < len ? hex_digit_value(path[i + 1]) : -1;
			int lo =
				i + 2 < len ? hex_digit_value(path[i + 2]) : -1;

			if (hi < 0 || lo < 0 || (hi | lo) == 0)
				return -1;
			c = hi << 4 | lo;
			i += 2;
		}
		out[n] = (char)c;
	}
	if (n >= size)
		return -1;
	out[n] = '\0';
	return (int)n;
}
