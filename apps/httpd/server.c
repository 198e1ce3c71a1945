/*
 * server.c - the listening socket, the bound on connections, and the
 * drain that `xl shutdown` starts.
 *
 * The accept thread gives each connection a slot and a thread of its own
 * (conn.c) while fewer than httpd_cfg.max_conns are served; one over
 * the bound gets a 503 and is closed at once, by the accept thread, so
 * that a flood costs no thread.
 *
 * xl shutdown runs the shutdown hook (in the xswatch thread): it closes
 * the listening socket, so no connection comes in any more; shuts the
 * idle connections (those waiting for a request), which end at once;
 * and waits, for at most drain_ms, for the busy ones to finish their
 * response. Those still busy then are cut. When the hook returns, the
 * kernel powers the domain off (kernel/xenbus/lifecycle.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/xenstore.h>
#include <pvnet.h>

#include "httpd.h"

struct httpd_stats httpd_stats;

static int listen_fd = -1;
static struct conn **table; /* max_conns slots */
static struct wait_queue all_done = WAIT_QUEUE_INIT;

uint64_t httpd_now_ms(void)
{
	return monotonic_ns() / NSEC_PER_MSEC;
}

static bool admit(int fd, const char *peer)
{
	struct conn *c;
	unsigned int slot = 0;

	if (httpd_stats.active >= httpd_cfg.max_conns)
		return false;
	while (table[slot])
		slot++;
	c = malloc(sizeof(*c));
	if (!c)
		return false;
	c->fd = fd;
	c->slot = slot;
	c->busy = false;
	c->have = 0;
	snprintf(c->peer, sizeof(c->peer), "%s", peer);
	table[slot] = c;
	if (++httpd_stats.active > httpd_stats.peak)
		httpd_stats.peak = httpd_stats.active;
	if (conn_start(c))
		return true;
	table[slot] = NULL;
	httpd_stats.active--;
	free(c);
	return false;
}

void server_conn_done(struct conn *c)
{
	table[c->slot] = NULL;
	httpd_stats.active--;
	wake_all(&all_done);
}

static void accept_loop(void *unused __unused)
{
	for (;;) {
		struct sockaddr_in peer;
		socklen_t len = sizeof(peer);
		int fd = accept(listen_fd, (struct sockaddr *)&peer, &len);
		char addr[16], name[24];

		if (fd < 0 && httpd_stats.draining)
			return; /* the hook closed the listening socket */
		if (fd < 0) {
			/* fd table full (EMFILE) or memory short: a
			 * pause, not a spin, then accept again */
			printf("httpd: accept: %s\n", strerror(errno));
			thread_sleep_ns(100 * NSEC_PER_MSEC);
			continue;
		}
		httpd_stats.accepted++;
		inet_ntop(AF_INET, &peer.sin_addr, addr, sizeof(addr));
		snprintf(name, sizeof(name), "%s:%u", addr,
			 ntohs(peer.sin_port));
		if (!admit(fd, name)) {
			httpd_stats.refused++;
			respond_refused(fd, name);
		}
	}
}

/* Shuts every connection (or only the idle ones) down: their threads'
 * reads and sends fail at once and they close. */
static unsigned int shut(bool busy_too)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < httpd_cfg.max_conns; i++)
		if (table[i] && (busy_too || !table[i]->busy)) {
			shutdown(table[i]->fd, SHUT_RDWR);
			n++;
		}
	return n;
}

/* Waits until no connection is left, for at most ms. */
static void wait_all_done(unsigned int ms)
{
	struct deadline d = { 0 };

	deadline_start(&d, &all_done, (uint64_t)ms * NSEC_PER_MSEC);
	wait_event(all_done, httpd_stats.active == 0 || d.passed);
	deadline_stop(&d);
}

static void drain(unsigned int reason, void *unused __unused)
{
	uint64_t t0 = httpd_now_ms();
	unsigned int open = httpd_stats.active, idle, cut = 0;

	httpd_stats.draining = true;
	close(listen_fd);
	idle = shut(false);
	printf("httpd: shutdown (reason %u): stopped accepting; %u "
	       "connection(s): %u idle closed, %u busy get %u ms to finish\n",
	       reason, open, idle, open - idle, httpd_cfg.drain_ms);
	wait_all_done(httpd_cfg.drain_ms);
	if (httpd_stats.active) {
		cut = shut(true);
		wait_all_done(1000);
	}
	printf("httpd: drained in %llu ms: %u finished, %u cut, %u left; "
	       "%lu requests served\n",
	       (unsigned long long)(httpd_now_ms() - t0), open - idle - cut,
	       cut, httpd_stats.active, httpd_stats.requests);
}

static struct shutdown_hook hook = { .fn = drain };

int httpd_start(void)
{
	table = calloc(httpd_cfg.max_conns, sizeof(*table));
	if (!table)
		return ENOMEM;
	listen_fd = pvnet_tcp_listen(httpd_cfg.port, SOMAXCONN);
	if (listen_fd < 0)
		return errno;
	if (!thread_create("httpd-accept", accept_loop, NULL))
		return ENOMEM;
	shutdown_hook_register(&hook);
	return 0;
}
