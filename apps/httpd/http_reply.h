/*
 * http_reply.h - the pieces of a response head: reason phrases, the
 * Content-Type of a file name, the Date, and the head itself. Pure code.
 */
#ifndef HTTPD_HTTP_REPLY_H
#define HTTPD_HTTP_REPLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct http_head {
	int status;
	const char *type; /* Content-Type, or NULL for none */
	uint64_t length;  /* Content-Length */
	bool close;	  /* "Connection: close": the server closes after */
	bool allow;	  /* "Allow: GET, HEAD" (with 405) */
	bool retry;	  /* "Retry-After: 1" (with 503) */
	uint64_t date;	  /* seconds since the epoch, for Date */
};

/* "Not Found" for 404 ...; "Unknown" for a status not listed. */
const char *http_reason(int status);
/* The media type for a file name, by its extension (case ignored). */
const char *http_content_type(const char *name);
/* IMF-fixdate (RFC 9110 5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT", 29
 * characters and a NUL into out. */
#define HTTP_DATE_SIZE 30
void http_date(char out[HTTP_DATE_SIZE], uint64_t secs);
/* The status line and fields, ending with the blank line, into buf;
 * its length, or -1 if it does not fit. */
int http_head_format(char *buf, size_t size, const struct http_head *h);

#endif
