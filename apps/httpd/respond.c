/*
 * respond.c - what a request gets, and its line in the log.
 *
 *   GET|HEAD /path      a file of www/ ("/dir/" means "/dir/index.html")
 *   GET|HEAD /bytes/N   N bytes of bytes_pattern.h's text, made as sent
 *   other methods       405 with Allow (RFC 9110 methods) or 501
 *   a bad head          400, 408, 413, 505 - and the connection closes
 *
 * A response's head and the first part of its body go out in one send;
 * /bytes/N then streams from the connection's buffer, refilled for each
 * send, so N may be far larger than memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <pvmini/time.h>

#include "bytes_pattern.h"
#include "http_reply.h"
#include "httpd.h"
#include "www.h"

struct answer {
	int status;
	const char *type;
	const char *data; /* a file's bytes, or an error's text */
	uint64_t length;
	bool pattern; /* /bytes/N */
	bool allow;
};

static const struct www_file *www_find(const char *path)
{
	for (unsigned int i = 0; i < www_count; i++)
		if (!strcmp(www_files[i].path, path))
			return &www_files[i];
	return NULL;
}

/* An error answer: its status line as a short text body. */
static void error_answer(struct answer *a, int status)
{
	static const char *const texts[] = {
		"400 Bad Request\n",	     "404 Not Found\n",
		"405 Method Not Allowed\n",  "408 Request Timeout\n",
		"413 Content Too Large\n",   "501 Not Implemented\n",
		"503 Service Unavailable\n", "505 HTTP Version Not Supported\n",
	};

	*a = (struct answer){ .status = status,
			      .type = "text/plain",
			      .data = "error\n",
			      .length = 6,
			      .allow = status == 405 };
	for (unsigned int i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (strtol(texts[i], NULL, 10) == status) {
			a->data = texts[i];
			a->length = strlen(texts[i]);
		}
}

static void route(const struct http_request *req, struct answer *a)
{
	char path[256];
	const struct www_file *f;
	uint64_t n;
	int len;

	if (req->kind == HTTP_M_OTHER || req->kind == HTTP_M_UNKNOWN) {
		error_answer(a, req->kind == HTTP_M_OTHER ? 405 : 501);
		return;
	}
	/* room left for "index.html" */
	len = http_path_decode(req->path, req->path_len, path,
			       sizeof(path) - 10);
	if (len <= 0) {
		error_answer(a, 404);
		return;
	}
	if (path[len - 1] == '/')
		strcpy(path + len, "index.html");
	if ((f = www_find(path))) {
		*a = (struct answer){ .status = 200,
				      .type = http_content_type(path),
				      .data = f->data,
				      .length = f->size };
	} else if (bytes_parse(path, &n)) {
		*a = (struct answer){ .status = 200,
				      .type = "application/octet-stream",
				      .length = n,
				      .pattern = true };
	} else {
		error_answer(a, 404);
	}
}

/* The body's bytes from off on, up to n of them, into buf. */
static void body_part(const struct answer *a, char *buf, uint64_t off, size_t n)
{
	if (a->pattern)
		bytes_fill(buf, off, n);
	else
		memcpy(buf, a->data + off, n);
}

/* Head and body; *sent counts the body bytes that went out. */
static bool send_answer(struct conn *c, const struct answer *a, bool body,
			bool close, uint64_t *sent)
{
	struct http_head h = { .status = a->status,
			       .type = a->type,
			       .length = a->length,
			       .close = close,
			       .allow = a->allow,
			       .date = (uint64_t)time(NULL) };
	int n = http_head_format(c->out, sizeof(c->out), &h);
	uint64_t total = body ? a->length : 0;
	size_t part = sizeof(c->out) - n;

	if (n < 0)
		return false;
	if (part > total)
		part = total;
	body_part(a, c->out + n, 0, part);
	if (!send_all(c->fd, c->out, n + part))
		return false;
	*sent = part;
	/* A file is sent from where it lies; the pattern is made. */
	if (!a->pattern && *sent < total) {
		if (!send_all(c->fd, a->data + *sent, total - *sent))
			return false;
		*sent = total;
	}
	while (*sent < total) {
		part = total - *sent < sizeof(c->out) ? total - *sent
						      : sizeof(c->out);
		body_part(a, c->out, *sent, part);
		if (!send_all(c->fd, c->out, part))
			return false;
		*sent += part;
	}
	return true;
}

static void log_request(const struct conn *c, const struct http_request *req,
			int status, uint64_t bytes, uint64_t ns, int err)
{
	uint64_t us = ns / 1000;
	/* the target's bytes are all visible ASCII (http_parse checked) */
	int tlen = !req ? 1 : req->target_len > 200 ? 200 : req->target_len;

	if (!httpd_cfg.log)
		return;
	printf("httpd: %s \"%.*s %.*s\" %d %llu bytes %llu.%llu ms%s%s\n",
	       c->peer, req ? (int)req->method_len : 1, req ? req->method : "-",
	       tlen, req ? req->target : "-", status, (unsigned long long)bytes,
	       (unsigned long long)us / 1000,
	       (unsigned long long)us % 1000 / 100, err ? ", failed: " : "",
	       err ? strerror(err) : "");
}

bool respond(struct conn *c, int verdict, const struct http_request *req)
{
	uint64_t t0 = monotonic_ns(), sent = 0;
	struct answer a;
	bool ok, close;

	if (verdict == HTTP_DONE) {
		route(req, &a);
		close = req->close || httpd_stats.draining;
	} else {
		error_answer(&a, verdict); /* 400, 408, 413, 505 */
		close = true;
		req = NULL;
	}
	ok = send_answer(c, &a, !req || req->kind != HTTP_M_HEAD, close, &sent);
	httpd_stats.requests++;
	log_request(c, req, a.status, sent, monotonic_ns() - t0,
		    ok ? 0 : errno);
	return ok && !close;
}

void respond_refused(int fd, const char *peer)
{
	struct answer a;
	char buf[512], drop[512];
	struct http_head h = { .status = 503,
			       .type = "text/plain",
			       .close = true,
			       .retry = true,
			       .date = (uint64_t)time(NULL) };
	int n;

	error_answer(&a, 503);
	h.length = a.length;
	n = http_head_format(buf, sizeof(buf) - a.length, &h);
	if (n > 0) {
		memcpy(buf + n, a.data, a.length);
		send(fd, buf, n + a.length, MSG_DONTWAIT);
	}
	/* What the client sent already is read, so that the close is a
	 * FIN after the 503, not a reset that could overtake it. */
	while (recv(fd, drop, sizeof(drop), MSG_DONTWAIT) > 0)
		;
	close(fd);
	if (httpd_cfg.log)
		printf("httpd: %s refused with 503: %u connections are "
		       "served already (the bound)\n",
		       peer, httpd_stats.active);
}
