/*
 * httpd.h - the parts of apps/httpd and what they share.
 *
 *   main.c      arguments, the address to announce, the self-test switch
 *   server.c    the listening socket, the connection bound, xl shutdown
 *   conn.c      one thread per connection: requests in, keep-alive
 *   respond.c   what a request gets: a file, /bytes/N, an error; the log
 *   http_parse.c, http_reply.c, bytes_pattern.c   pure, host-tested
 *   selftest*.c clients in the same domain, over 127.0.0.1
 */
#ifndef HTTPD_H
#define HTTPD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http_parse.h"

struct httpd_config {
	uint16_t port;
	unsigned int max_conns; /* connections served at once */
	unsigned int idle_ms;	/* for a whole request head to arrive */
	unsigned int send_ms;	/* for a send to make progress */
	unsigned int drain_ms;	/* xl shutdown: for in-flight responses */
	bool log;		/* one console line per request */
};

#define HTTPD_PORT 80
#define HTTPD_MAX_CONNS 64
/* The most conns= may ask: the fd table's 125 sockets, less the
 * listening one and one to refuse with (lib/newlib/fd.h). */
#define HTTPD_CONNS_LIMIT 120
#define HTTPD_IDLE_MS 15000
#define HTTPD_SEND_MS 30000
#define HTTPD_DRAIN_MS 5000

struct httpd_stats {
	unsigned long accepted, refused, requests;
	unsigned int active, peak; /* connections being served */
	bool draining;		   /* xl shutdown began */
};

extern struct httpd_config httpd_cfg;
extern struct httpd_stats httpd_stats;

/* server.c: listens on httpd_cfg.port (any address) and starts the
 * accept thread; registers the shutdown hook. 0 or an errno. */
int httpd_start(void);

/* One connection: its socket, its peer, the request head read so far,
 * and room to build responses in. A little under 32 KiB in all (the
 * heap's blocks above 2 KiB are powers of two). */
#define CONN_OUT_SIZE (32768 - HTTP_HEAD_MAX - 256)
struct conn {
	int fd;
	unsigned int slot; /* in server.c's table */
	bool busy;	   /* a response is under way (not idle) */
	char peer[24];	   /* "a.b.c.d:port" */
	size_t have;	   /* bytes in head[] */
	char head[HTTP_HEAD_MAX];
	char out[CONN_OUT_SIZE];
};

/* conn.c: serves the connection in a thread of its own; false if no
 * thread could be made (the caller refuses it). */
bool conn_start(struct conn *c);
/* conn.c: sends all n bytes (the socket's send timeout applies); false
 * if the connection failed. */
bool send_all(int fd, const void *p, size_t n);
/* server.c: the connection's thread is ending: frees its slot. */
void server_conn_done(struct conn *c);

/* respond.c: answers one verdict of http_parse (a status, or HTTP_DONE
 * with *req), logs it; true if the connection may carry another
 * request. */
bool respond(struct conn *c, int verdict, const struct http_request *req);
/* respond.c: 503 to a connection over the bound, never blocking. */
void respond_refused(int fd, const char *peer);

/* Milliseconds of the monotonic clock. */
uint64_t httpd_now_ms(void);

/* selftest.c: clients against the server, over 127.0.0.1. mode "" runs
 * every check and returns the failure count; "shutdown" sets up
 * connections for an xl shutdown to find and returns at once.
 * selftest_before_start sets the limits the checks expect (50
 * connections, a 2 s drain) and, for "shutdown", registers a hook that
 * runs after the server's drain. */
void selftest_before_start(const char *mode);
int selftest(const char *mode);

#endif
