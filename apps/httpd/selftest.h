/*
 * selftest.h - the self-test's HTTP client (selftest.c) and its checks,
 * one file per area. The client reads responses with its own parsing,
 * not the server's: a check compares what came over TCP with what the
 * protocol and the files say.
 */
#ifndef HTTPD_SELFTEST_H
#define HTTPD_SELFTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pvmini/lib.h>

/* A connection to the server with a read buffer. */
struct client {
	int fd;
	size_t off, have;   /* unread bytes: buf[off..have) */
	char buf[8192 + 1]; /* + a NUL after them for the head's search */
};

/* A response head as the client read it. */
struct reply {
	int status;
	long long length; /* Content-Length, -1 if none */
	bool close;	  /* Connection: close */
	bool allow;	  /* Allow: GET, HEAD */
	char type[64];	  /* Content-Type */
};

/* Counts a failure and prints "WRONG: ..." unless ok; returns ok. */
bool st_check(bool ok, const char *fmt, ...) __printf(2, 3);
int st_failures(void);

/* A new connection to 127.0.0.1, or NULL (a failure counted unless
 * quiet). */
struct client *st_connect(bool quiet);
void st_close(struct client *c);
/* Closes with a reset (SO_LINGER 0) instead of a FIN. */
void st_reset(struct client *c);
bool st_send(struct client *c, const void *p, size_t n);
/* "METHOD PATH HTTP/1.1", Host, then extra (CRLF-ended fields, or ""). */
bool st_request(struct client *c, const char *method, const char *path,
		const char *extra);
/* The next response head; false at EOF, on an error or a malformed one. */
bool st_head(struct client *c, struct reply *r);
/* Exactly n body bytes into out (dropped if out is NULL). */
bool st_body(struct client *c, void *out, size_t n);
/* Up to n body bytes of /bytes/N, the first at offset off: how many
 * came before the end; *intact false if any is not the pattern. */
uint64_t st_pattern(struct client *c, uint64_t off, uint64_t n, bool *intact);
/* A request and its whole response; the body into out (up to cap). */
bool st_get(struct client *c, const char *method, const char *path,
	    struct reply *r, char *out, size_t cap);
/* True if the server closes the connection within ms (a read gets 0 or
 * a reset), with nothing else sent. */
bool st_closed(struct client *c, unsigned int ms);
uint64_t st_ms(void);

void st_files(void);	/* selftest_files.c */
void st_protocol(void); /* selftest_proto.c */
void st_bytes(void);	/* selftest_load.c */
void st_many(void);	/* selftest_load.c */
void st_bench(void);	/* selftest_load.c */
void st_shutdown(void); /* selftest_shutdown.c */
void st_shutdown_hook(void);

#endif
