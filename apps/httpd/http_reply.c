/*
 * http_reply.c - response heads (http_reply.h). Every head carries
 * Content-Length, so a client always knows where the body ends, and
 * Date, which RFC 9110 6.6.1 asks of a server that has a clock.
 */
#include <stdio.h>
#include <string.h>

#include <pvmini/time.h>

#include "http_reply.h"

const char *http_reason(int status)
{
	static const struct {
		int status;
		const char *reason;
	} reasons[] = {
		{ 200, "OK" },
		{ 400, "Bad Request" },
		{ 404, "Not Found" },
		{ 405, "Method Not Allowed" },
		{ 408, "Request Timeout" },
		{ 413, "Content Too Large" },
		{ 500, "Internal Server Error" },
		{ 501, "Not Implemented" },
		{ 503, "Service Unavailable" },
		{ 505, "HTTP Version Not Supported" },
	};

	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].status == status)
			return reasons[i].reason;
	return "Unknown";
}

static bool ends_with_nocase(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	if (m > n)
		return false;
	s += n - m;
	for (size_t i = 0; i < m; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != suffix[i])
			return false;
	}
	return true;
}

const char *http_content_type(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".htm", "text/html; charset=utf-8" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".css", "text/css" },
		{ ".js", "text/javascript" },
		{ ".json", "application/json" },
		{ ".xml", "application/xml" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" },
		{ ".gif", "image/gif" },
		{ ".ico", "image/x-icon" },
		{ ".wasm", "application/wasm" },
	};

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (ends_with_nocase(name, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

void http_date(char out[HTTP_DATE_SIZE], uint64_t secs)
{
	static const char days[] = "ThuFriSatSunMonTueWed"; /* 1970-01-01 */
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	unsigned int wday = secs / 86400 % 7;
	struct civil_time t;

	civil_from_epoch(secs, &t);
	/* (The remainders only tell the compiler each field's width.) */
	snprintf(out, HTTP_DATE_SIZE,
		 "%.3s, %02u %.3s %04lu %02u:%02u:%02u GMT", days + 3 * wday,
		 (unsigned int)t.day % 100,
		 months + 3 * ((unsigned int)t.month - 1) % 36,
		 (unsigned long)t.year % 10000, (unsigned int)t.hour % 100,
		 (unsigned int)t.min % 100, (unsigned int)t.sec % 100);
}

int http_head_format(char *buf, size_t size, const struct http_head *h)
{
	char date[HTTP_DATE_SIZE];
	int n;

	http_date(date, h->date);
	n = snprintf(buf, size,
		     "HTTP/1.1 %d %s\r\n"
		     "Server: pvmini-httpd\r\n"
		     "Date: %s\r\n"
		     "%s%s%s"
		     "Content-Length: %llu\r\n"
		     "%s%s%s"
		     "\r\n",
		     h->status, http_reason(h->status), date,
		     h->type ? "Content-Type: " : "", h->type ? h->type : "",
		     h->type ? "\r\n" : "", (unsigned long long)h->length,
		     h->allow ? "Allow: GET, HEAD\r\n" : "",
		     h->retry ? "Retry-After: 1\r\n" : "",
		     h->close ? "Connection: close\r\n" : "");
	return n < 0 || (size_t)n >= size ? -1 : n;
}
