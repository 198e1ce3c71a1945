/*
 * server.c - the listening socket, the bound on connections, and the
 * drain that `xl shutdown` starts.
 *
 * xl shutdown runs the hook (in the xswatch thread): it closes the
 * listening socket, shuts the idle connections (those waiting for
 * lines), lets the busy ones finish the lines they hold - their records
 * committed and their replies sent - for at most KVSTORE_DRAIN_MS, cuts
 * what is left, then takes the store's lock (no commit can be under way
 * then), flushes the disk and says what the log holds. The disk stays
 * open: the hook runs in the thread that delivers xenstore watches, so
 * a close, which waits for the backend's state to change, would wait
 * in vain; the kernel's own shutdown ends the device. The store needs
 * no shutdown to be safe: every acknowledged record is on disk already.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pvmini/time.h>
#include <pvmini/xenstore.h>
#include <pvnet.h>

#include "kvstore.h"

static int listen_fd = -1;
static struct conn **table; /* max_conns slots */
static struct wait_queue all_done = WAIT_QUEUE_INIT;

static bool admit(int fd, const char *peer)
{
	struct conn *c;
	unsigned int slot = 0;

	if (kv.active >= kv.max_conns)
		return false;
	while (table[slot])
		slot++;
	c = malloc(sizeof(*c));
	if (!c)
		return false;
	memset(c, 0, offsetof(struct conn, in));
	c->fd = fd;
	c->slot = slot;
	snprintf(c->peer, sizeof(c->peer), "%s", peer);
	table[slot] = c;
	kv.active++;
	if (conn_start(c))
		return true;
	table[slot] = NULL;
	kv.active--;
	free(c);
	return false;
}

void server_conn_done(struct conn *c)
{
	table[c->slot] = NULL;
	kv.active--;
	wake_all(&all_done);
}

static void accept_loop(void *unused)
{
	(void)unused;
	for (;;) {
		struct sockaddr_in peer;
		socklen_t len = sizeof(peer);
		int fd = accept(listen_fd, (struct sockaddr *)&peer, &len);
		char addr[16], name[24];
		static const char busy[] = "ERR busy: too many connections\n";

		if (fd < 0 && kv.draining)
			return; /* the hook closed the listening socket */
		if (fd < 0) {
			printf("kvstore: accept: %s\n", strerror(errno));
			thread_sleep_ns(100 * NSEC_PER_MSEC);
			continue;
		}
		kv.accepted++;
		inet_ntop(AF_INET, &peer.sin_addr, addr, sizeof(addr));
		snprintf(name, sizeof(name), "%s:%u", addr,
			 ntohs(peer.sin_port));
		if (!admit(fd, name)) {
			kv.refused++;
			send(fd, busy, sizeof(busy) - 1, MSG_DONTWAIT);
			close(fd);
		}
	}
}

static unsigned int shut(bool busy_too)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < kv.max_conns; i++)
		if (table[i] && (busy_too || !table[i]->busy)) {
			shutdown(table[i]->fd, SHUT_RDWR);
			n++;
		}
	return n;
}

static void wait_all_done(unsigned int ms)
{
	struct deadline d = { 0 };

	deadline_start(&d, &all_done, (uint64_t)ms * NSEC_PER_MSEC);
	wait_event(all_done, kv.active == 0 || d.passed);
	deadline_stop(&d);
}

static void drain(unsigned int reason, void *unused)
{
	unsigned int open = kv.active, idle, cut = 0;
	int rc;

	(void)unused;
	kv.draining = true;
	close(listen_fd);
	idle = shut(false);
	printf("kvstore: shutdown (reason %u): stopped accepting; %u "
	       "connection(s): %u idle closed, %u busy get %u ms\n",
	       reason, open, idle, open - idle, KVSTORE_DRAIN_MS);
	wait_all_done(KVSTORE_DRAIN_MS);
	if (kv.active) {
		cut = shut(true);
		wait_all_done(1000);
	}
	mutex_lock(&kv.lock);
	rc = disk_sync();
	printf("kvstore: drained: %u finished, %u cut; %lu requests; log: "
	       "%llu records, %llu of %llu bytes, generation %llu; %zu keys; "
	       "disk flushed: %s\n",
	       open - idle - cut, cut, kv.requests,
	       (unsigned long long)kv.log.seq, (unsigned long long)kv.log.tail,
	       (unsigned long long)kv.log.h.region_bytes,
	       (unsigned long long)kv.log.h.rgen, kv.log.idx.count,
	       rc ? strerror(rc) : "ok");
	/* The lock stays held: no write may follow the last flush. */
}

static struct shutdown_hook hook = { .fn = drain };

int server_start(void)
{
	table = calloc(kv.max_conns, sizeof(*table));
	if (!table)
		return ENOMEM;
	listen_fd = pvnet_tcp_listen(kv.port, SOMAXCONN);
	if (listen_fd < 0)
		return errno;
	if (!thread_create("kv-accept", accept_loop, NULL))
		return ENOMEM;
	shutdown_hook_register(&hook);
	return 0;
}
