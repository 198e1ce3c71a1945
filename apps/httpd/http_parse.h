/*
 * http_parse.h - the head of an HTTP/1.x request (request line, header
 * fields, blank line; RFC 9112), parsed from the bytes received so far.
 *
 * Pure code: no I/O, no allocation, no state between calls. The server
 * calls http_parse on everything it has of a request after each read;
 * every byte sequence gets a verdict, and a verdict other than HTTP_MORE
 * never changes when more bytes follow (tests/fuzz/fuzz_http.c holds it
 * to that). docs/net.md lists what is accepted.
 */
#ifndef HTTPD_HTTP_PARSE_H
#define HTTPD_HTTP_PARSE_H

#include <stdbool.h>
#include <stddef.h>

/* The largest request head: request line + fields + blank line. */
#define HTTP_HEAD_MAX 8192

/* Verdicts: http_parse returns one of these, or an error status. */
#define HTTP_MORE 0	 /* a valid beginning: read more */
#define HTTP_DONE 200	 /* a whole head, described in *req */
#define HTTP_BAD 400	 /* malformed */
#define HTTP_TOO_BIG 413 /* no end within HTTP_HEAD_MAX bytes */
#define HTTP_VERSION 505 /* well-formed, but not HTTP/1.x */

enum http_method {
	HTTP_M_GET,
	HTTP_M_HEAD,
	HTTP_M_OTHER,	/* a method of RFC 9110 this server refuses: 405 */
	HTTP_M_UNKNOWN, /* any other token: 501 */
};

struct http_request {
	size_t length; /* bytes of the head, its blank line included */
	const char *method, *target, *path;
	size_t method_len, target_len, path_len;
	/* path: the target's path, before any '?': origin-form as sent,
	 * "/" for "http://host", "*" for "OPTIONS *"; still %-encoded. */
	enum http_method kind;
	unsigned int minor; /* HTTP/1.minor: 0, or 1 for any higher */
	bool body;  /* Content-Length > 0 or Transfer-Encoding: a body */
	bool close; /* HTTP/1.0, "Connection: close", or a body: the
		     * connection ends after the response */
};

/*
 * Parses buf[0..len): HTTP_MORE, HTTP_DONE (*req filled, its pointers
 * into buf), or HTTP_BAD, HTTP_TOO_BIG, HTTP_VERSION. Bytes after the
 * head (a pipelined request) are not looked at.
 */
int http_parse(const char *buf, size_t len, struct http_request *req);

/*
 * Decodes the %XX escapes of a path into out (NUL-terminated); returns
 * its length, or -1 if it does not fit in size bytes or an escape is
 * malformed or %00.
 */
int http_path_decode(const char *path, size_t len, char *out, size_t size);

#endif
