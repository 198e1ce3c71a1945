/*
 * conn.c - one connection's thread: read a request head, answer it, and
 * again while the connection is kept alive.
 *
 * A request head has httpd_cfg.idle_ms to arrive whole, counted from the
 * connection's start or the end of the previous response: an idle
 * keep-alive connection is closed then, a half-sent head gets 408. Bytes
 * after a head (a pipelined request) stay for the next round. After an
 * error the server closes "lingering": it stops sending, then reads and
 * drops what the client still sends for a moment, so that closing with
 * unread data (which makes TCP send a reset) does not destroy the error
 * response before the client has read it.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <pvmini/thread.h>

#include "httpd.h"

#define LINGER_MS 1000
#define LINGER_BYTES (1 << 20)

static void set_timeout(int fd, int option, uint64_t ms)
{
	struct timeval tv = { .tv_sec = ms / 1000,
			      .tv_usec = ms % 1000 * 1000 };

	setsockopt(fd, SOL_SOCKET, option, &tv, sizeof(tv));
}

bool send_all(int fd, const void *p, size_t n)
{
	const char *b = p;

	while (n) {
		ssize_t put = send(fd, b, n, 0);

		if (put <= 0)
			return false; /* reset, send timeout, or cut */
		b += put;
		n -= put;
	}
	return true;
}

/*
 * Reads until the bytes in c->head make a verdict (http_parse.h): that
 * verdict, 408 if the time ran out mid-head, or -1 if the connection
 * ended, failed or idled out, or the server is draining.
 */
static int read_head(struct conn *c, struct http_request *req)
{
	uint64_t deadline = httpd_now_ms() + httpd_cfg.idle_ms;

	for (;;) {
		uint64_t now = httpd_now_ms();
		int verdict =
			c->have ? http_parse(c->head, c->have, req) : HTTP_MORE;
		ssize_t n;

		if (verdict != HTTP_MORE)
			return verdict;
		if (httpd_stats.draining)
			return -1;
		if (now >= deadline)
			return c->have ? 408 : -1;
		set_timeout(c->fd, SO_RCVTIMEO, deadline - now);
		n = recv(c->fd, c->head + c->have, HTTP_HEAD_MAX - c->have, 0);
		if (n > 0)
			c->have += n;
		else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
			return -1; /* the client closed or reset */
	}
}

/* Stop sending; drop what still comes, for a moment; close. */
static void linger_close(struct conn *c)
{
	uint64_t end = httpd_now_ms() + LINGER_MS, now;
	size_t dropped = 0;

	shutdown(c->fd, SHUT_WR);
	while (!httpd_stats.draining && dropped < LINGER_BYTES &&
	       (now = httpd_now_ms()) < end) {
		ssize_t n;

		set_timeout(c->fd, SO_RCVTIMEO, end - now);
		n = recv(c->fd, c->out, sizeof(c->out), 0);
		if (n <= 0)
			break;
		dropped += n;
	}
	close(c->fd);
}

static void serve(void *arg)
{
	struct conn *c = arg;
	int one = 1;
	bool clean = true;

	/* Each response goes out as soon as it is written: no waiting for
	 * the client's ACK of the head before the body (Nagle). */
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	set_timeout(c->fd, SO_SNDTIMEO, httpd_cfg.send_ms);
	for (;;) {
		struct http_request req;
		int verdict = read_head(c, &req);
		bool again;

		if (verdict < 0)
			break;
		c->busy = true;
		again = respond(c, verdict, &req);
		c->busy = false;
		if (!again) {
			clean = verdict == HTTP_DONE && !req.body;
			break;
		}
		c->have -= req.length;
		memmove(c->head, c->head + req.length, c->have);
		if (httpd_stats.draining)
			break;
	}
	if (clean)
		close(c->fd);
	else
		linger_close(c);
	server_conn_done(c);
	free(c);
}

bool conn_start(struct conn *c)
{
	struct thread *t = thread_create("httpd-conn", serve, c);

	if (!t)
		return false;
	thread_detach(t);
	return true;
}
