/*
 * selftest.c - `httpd selftest`: the server, and HTTP clients against it
 * in the same domain over 127.0.0.1, until a netfront lets dom0's wget
 * reach it. Each area prints one line of what it saw; a check that fails
 * prints "WRONG: ..." and counts; the last line gives the count, and the
 * exit code is 0 only if it is 0. `httpd selftest=shutdown` instead
 * leaves connections in every state for `xl shutdown` to drain
 * (selftest_shutdown.c).
 *
 * This file is the client: connect, send, and read responses with a
 * parser of its own (the server's is not used to check itself).
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <pvmini/time.h>

#include "bytes_pattern.h"
#include "httpd.h"
#include "selftest.h"

static int failures;

bool st_check(bool ok, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return true;
	failures++;
	printf("WRONG: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (errno %d: %s)\n", errno, strerror(errno));
	return false;
}

int st_failures(void)
{
	return failures;
}

uint64_t st_ms(void)
{
	return monotonic_ns() / NSEC_PER_MSEC;
}

struct client *st_connect(bool quiet)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(httpd_cfg.port),
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct client *c = malloc(sizeof(*c));

	if (!st_check(c != NULL, "client memory"))
		return NULL;
	c->off = c->have = 0;
	c->fd = socket(AF_INET, SOCK_STREAM, 0);
	if (c->fd >= 0 && !connect(c->fd, (struct sockaddr *)&a, sizeof(a)))
		return c;
	if (!quiet)
		st_check(false, "connect to 127.0.0.1:%u", httpd_cfg.port);
	if (c->fd >= 0)
		close(c->fd);
	free(c);
	return NULL;
}

void st_close(struct client *c)
{
	if (c) {
		close(c->fd);
		free(c);
	}
}

void st_reset(struct client *c)
{
	struct linger l = { .l_onoff = 1, .l_linger = 0 };

	setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
	st_close(c);
}

bool st_send(struct client *c, const void *p, size_t n)
{
	return send_all(c->fd, p, n);
}

bool st_request(struct client *c, const char *method, const char *path,
		const char *extra)
{
	char req[512];
	int n = snprintf(req, sizeof(req),
			 "%s %s HTTP/1.1\r\nHost: test\r\n"
			 "User-Agent: httpd-selftest\r\n%s\r\n",
			 method, path, extra);

	return n > 0 && (size_t)n < sizeof(req) && st_send(c, req, n);
}

#define CAP (sizeof(((struct client *)0)->buf) - 1)

/* More bytes into the buffer; false at EOF or on an error. */
static bool fill(struct client *c)
{
	ssize_t n;

	if (c->off == c->have)
		c->off = c->have = 0;
	if (c->have == CAP) {
		memmove(c->buf, c->buf + c->off, c->have - c->off);
		c->have -= c->off;
		c->off = 0;
	}
	if (c->have == CAP)
		return false; /* a head larger than the buffer */
	n = recv(c->fd, c->buf + c->have, CAP - c->have, 0);
	if (n <= 0)
		return false;
	c->have += n;
	return true;
}

static bool field_is(const char *line, const char *name, const char **value)
{
	size_t n = strlen(name);

	if (strncasecmp(line, name, n) || line[n] != ':')
		return false;
	for (*value = line + n + 1; **value == ' '; (*value)++)
		;
	return true;
}

/* One field line of a response head, NUL-terminated. */
static void head_field(const char *line, struct reply *r)
{
	const char *v;

	if (field_is(line, "Content-Length", &v))
		r->length = strtoll(v, NULL, 10);
	else if (field_is(line, "Connection", &v))
		r->close = !strcasecmp(v, "close");
	else if (field_is(line, "Allow", &v))
		r->allow = !strcmp(v, "GET, HEAD");
	else if (field_is(line, "Content-Type", &v))
		snprintf(r->type, sizeof(r->type), "%s", v);
}

bool st_head(struct client *c, struct reply *r)
{
	char *end, *line, *next;

	*r = (struct reply){ .length = -1 };
	for (;;) {
		c->buf[c->have] = 0;
		end = strstr(c->buf + c->off, "\r\n\r\n");
		if (end)
			break;
		if (!fill(c))
			return false;
	}
	end[2] = 0;
	line = c->buf + c->off;
	if (strncmp(line, "HTTP/1.1 ", 9))
		return false;
	r->status = atoi(line + 9);
	for (line = strstr(line, "\r\n") + 2; *line; line = next + 2) {
		next = strstr(line, "\r\n");
		*next = 0;
		head_field(line, r);
	}
	c->off = end + 4 - c->buf;
	return r->status >= 100 && r->status <= 599;
}

bool st_body(struct client *c, void *out, size_t n)
{
	char *o = out;

	while (n) {
		size_t k;

		if (c->off == c->have && !fill(c))
			return false;
		k = c->have - c->off < n ? c->have - c->off : n;
		if (o) {
			memcpy(o, c->buf + c->off, k);
			o += k;
		}
		c->off += k;
		n -= k;
	}
	return true;
}

uint64_t st_pattern(struct client *c, uint64_t off, uint64_t n, bool *intact)
{
	uint64_t got = 0;

	*intact = true;
	while (got < n) {
		size_t k;

		if (c->off == c->have && !fill(c))
			break;
		k = c->have - c->off < n - got ? c->have - c->off : n - got;
		if (*intact && bytes_check(c->buf + c->off, off + got, k) != k)
			*intact = false;
		c->off += k;
		got += k;
	}
	return got;
}

bool st_get(struct client *c, const char *method, const char *path,
	    struct reply *r, char *out, size_t cap)
{
	size_t n;

	if (!st_request(c, method, path, "") || !st_head(c, r))
		return false;
	if (!strcmp(method, "HEAD") || r->length <= 0)
		return true;
	n = (size_t)r->length;
	return n <= cap && st_body(c, out, n);
}

bool st_closed(struct client *c, unsigned int ms)
{
	struct timeval tv = { .tv_sec = ms / 1000,
			      .tv_usec = ms % 1000 * 1000 };
	char b;

	if (c->off < c->have)
		return false; /* the server sent more */
	setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (recv(c->fd, &b, 1, 0) == 0)
		return true;
	return errno == ECONNRESET;
}

void selftest_before_start(const char *mode)
{
	httpd_cfg.max_conns = 50;
	httpd_cfg.drain_ms = 2000;
	if (!strcmp(mode, "shutdown"))
		st_shutdown_hook();
}

int selftest(const char *mode)
{
	if (!strcmp(mode, "shutdown")) {
		st_shutdown();
		return st_failures();
	}
	st_files();
	st_protocol();
	st_bytes();
	st_many();
	st_bench();
	printf("selftest: %d failure(s)\n", failures);
	return failures;
}
