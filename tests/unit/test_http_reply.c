/*
 * test_http_reply.c - response heads of apps/httpd: the Date against the
 * host's gmtime and strftime, whole heads, media types.
 */
#include <stdlib.h>
#include <time.h>

#include "apps/httpd/http_reply.h"
#include "unit.h"

TEST(date_matches_strftime)
{
	static const uint64_t secs[] = {
		0,	    784111777,	951782400,	1709164800,
		2147483647, 4102444799, 253402300799ULL
	};

	for (size_t i = 0; i < sizeof(secs) / sizeof(secs[0]); i++) {
		char got[HTTP_DATE_SIZE], want[64];
		time_t t = (time_t)secs[i];
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(want, sizeof(want), "%a, %d %b %Y %H:%M:%S GMT", &tm);
		http_date(got, secs[i]);
		CHECK_STR(got, want);
	}
	/* every day of a few years, for the weekday and month tables */
	for (uint64_t s = 1700000000; s < 1700000000 + 4 * 366 * 86400ULL;
	     s += 86400 + 3671) {
		char got[HTTP_DATE_SIZE], want[64];
		time_t t = (time_t)s;
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(want, sizeof(want), "%a, %d %b %Y %H:%M:%S GMT", &tm);
		http_date(got, s);
		CHECK_STR(got, want);
	}
}

TEST(head_has_the_fields_asked_for)
{
	char buf[512];
	struct http_head h = { .status = 405,
			       .type = "text/plain",
			       .length = 23,
			       .close = true,
			       .allow = true,
			       .date = 784111777 };
	int n = http_head_format(buf, sizeof(buf), &h);

	CHECK(n > 0 && (size_t)n == strlen(buf));
	CHECK_STR(buf, "HTTP/1.1 405 Method Not Allowed\r\n"
		       "Server: pvmini-httpd\r\n"
		       "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
		       "Content-Type: text/plain\r\n"
		       "Content-Length: 23\r\n"
		       "Allow: GET, HEAD\r\n"
		       "Connection: close\r\n"
		       "\r\n");
	h = (struct http_head){ .status = 200, .length = 1ULL << 40 };
	n = http_head_format(buf, sizeof(buf), &h);
	CHECK(n > 0 && strstr(buf, "\r\nContent-Length: 1099511627776\r\n"));
	CHECK(!strstr(buf, "Content-Type") && !strstr(buf, "Connection"));
	/* too small: refused, never cut */
	CHECK(http_head_format(buf, (size_t)n, &h) == -1);
	CHECK(http_head_format(buf, (size_t)n + 1, &h) == n);
}

TEST(reasons_and_types)
{
	CHECK_STR(http_reason(404), "Not Found");
	CHECK_STR(http_reason(413), "Content Too Large");
	CHECK_STR(http_reason(299), "Unknown");
	CHECK_STR(http_content_type("/index.html"), "text/html; charset=utf-8");
	CHECK_STR(http_content_type("/A.PNG"), "image/png");
	CHECK_STR(http_content_type("/favicon.ico"), "image/x-icon");
	CHECK_STR(http_content_type("/x.tar.gz"), "application/octet-stream");
	CHECK_STR(http_content_type("/html"), "application/octet-stream");
	CHECK_STR(http_content_type(""), "application/octet-stream");
}
