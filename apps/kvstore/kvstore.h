/*
 * kvstore.h - the parts of apps/kvstore and what they share.
 *
 *   main.c      arguments, the disk, recovery, the address to announce
 *   disk.c      the log's I/O (kvlog_io) on /dev/<disk>
 *   server.c    the listening socket, the connection bound, xl shutdown
 *   conn.c      one thread per connection: lines in, replies out
 *   crc32c.c kvformat.c kvindex.c kvlog.c kvappend.c kvproto.c
 *               the store itself, pure, host-tested (tests/unit)
 */
#ifndef KVSTORE_H
#define KVSTORE_H

#include <stdbool.h>
#include <stdint.h>

#include <pvmini/thread.h>

#include "kvlog.h"
#include "kvproto.h"

#define KVSTORE_PORT 7070
#define KVSTORE_MAX_CONNS 32
#define KVSTORE_DRAIN_MS 2000

struct kvstore {
	struct kvlog log;
	struct mutex lock; /* the log and index: one batch at a time */
	uint16_t port;
	unsigned int max_conns;
	bool log_compactions;
	/* server.c */
	unsigned long accepted, refused, requests, errors;
	unsigned int active;
	bool draining;
};

extern struct kvstore kv;

/* disk.c: opens /dev/<name> read-write; its size and sector size. 0 or
 * an errno. */
int disk_open(const char *name, uint64_t *bytes, uint32_t *sector);
extern const struct kvlog_io disk_io;
/* disk.c: flushes it (blkfront's flush); 0 or an errno. */
int disk_sync(void);

/* server.c: listens on kv.port and starts the accept thread; registers
 * the shutdown hook. 0 or an errno. */
int server_start(void);

/* One connection: its socket, the bytes of lines not yet handled, and
 * the replies not yet sent. */
#define CONN_IN (2 * KVP_LINE_MAX + 2048)
#define CONN_OUT 16384
struct conn {
	int fd;
	unsigned int slot; /* in server.c's table */
	bool busy;	   /* lines are being handled (not idle) */
	bool skip;	   /* dropping the rest of an overlong line */
	char peer[24];	   /* "a.b.c.d:port" */
	size_t have, outlen;
	char in[CONN_IN];
	char out[CONN_OUT];
};

/* conn.c: serves the connection in a thread of its own; false if no
 * thread could be made. */
bool conn_start(struct conn *c);
/* server.c: the connection's thread is ending: frees its slot. */
void server_conn_done(struct conn *c);

#endif
