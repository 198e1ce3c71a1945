/*
 * selftest_files.c - the files built into the image, over one kept-alive
 * connection: each GET gives 200, the media type of its extension and a
 * Content-Length equal to the body that follows. Each body is printed
 * in hex ("file /path N bytes" then "hex: ..." lines), and the boot
 * test's verify script (tests/boot/data/httpd-files.sh) compares them
 * with apps/httpd/www/ byte for byte: the bytes crossed TCP, so the
 * comparison covers the table, the server and the stack. Then "/" is
 * index.html, and HEAD is GET without the body.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "selftest.h"
#include "www.h"

#define MAX_FILE (256 * 1024)

static const char *expected_type(const char *path)
{
	static const char *const types[][2] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".css", "text/css" },
		{ ".ico", "image/x-icon" },
	};
	size_t n = strlen(path);

	for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
		size_t m = strlen(types[i][0]);

		if (n > m && !strcmp(path + n - m, types[i][0]))
			return types[i][1];
	}
	return "application/octet-stream";
}

static void print_hex(const char *path, const unsigned char *b, size_t n)
{
	printf("file %s %zu bytes\n", path, n);
	for (size_t i = 0; i < n; i += 32) {
		char line[70];
		size_t k = n - i < 32 ? n - i : 32;

		for (size_t j = 0; j < k; j++)
			snprintf(line + 2 * j, 3, "%02x", b[i + j]);
		printf("hex: %s\n", line);
	}
}

/* GET path: 200, its type; its body into buf, its length returned. */
static long get_file(struct client *c, const char *path, char *buf,
		     const char *type)
{
	struct reply r;

	if (!st_check(st_get(c, "GET", path, &r, buf, MAX_FILE),
		      "GET %s: no whole response", path))
		return -1;
	st_check(r.status == 200, "GET %s: status %d", path, r.status);
	st_check(!strcmp(r.type, type), "GET %s: Content-Type '%s', want '%s'",
		 path, r.type, type);
	st_check(!r.close, "GET %s: Connection: close on HTTP/1.1", path);
	return r.length;
}

void st_files(void)
{
	struct client *c = st_connect(false);
	char *buf = malloc(MAX_FILE), *index = malloc(MAX_FILE);
	long index_len = -1, n;
	struct reply r;
	unsigned int got = 0;
	int before = st_failures();

	if (!c || !st_check(buf && index, "memory"))
		return;
	for (unsigned int i = 0; i < www_count; i++) {
		const char *path = www_files[i].path;

		n = get_file(c, path, buf, expected_type(path));
		if (n < 0)
			break;
		print_hex(path, (unsigned char *)buf, n);
		if (!strcmp(path, "/index.html")) {
			memcpy(index, buf, n);
			index_len = n;
		}
		got++;
	}
	n = get_file(c, "/", buf, "text/html; charset=utf-8");
	st_check(n >= 0 && n == index_len && !memcmp(buf, index, n),
		 "GET / is not /index.html");
	/* HEAD: the same head and no body - else the GET after them would
	 * read a body as its status line */
	st_check(st_get(c, "HEAD", "/index.html", &r, NULL, 0) &&
			 r.status == 200 && r.length == index_len,
		 "HEAD /index.html: %d, length %lld", r.status, r.length);
	st_check(st_get(c, "HEAD", "/bytes/1073741824", &r, NULL, 0) &&
			 r.status == 200 && r.length == 1073741824,
		 "HEAD /bytes/1073741824: %d, length %lld", r.status, r.length);
	n = get_file(c, "/hello.txt", buf, "text/plain; charset=utf-8");
	st_check(n > 0, "GET after HEAD");
	printf("files: %u of %u files, / = /index.html, HEAD = GET without "
	       "body, one connection: %s\n",
	       got, www_count, st_failures() > before ? "WRONG" : "ok");
	st_close(c);
	free(buf);
	free(index);
}
