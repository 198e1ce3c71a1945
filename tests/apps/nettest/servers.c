/*
 * servers.c - two TCP servers on 127.0.0.1, each a listening thread that
 * starts a thread per connection: echo (port 7) sends back what it reads
 * until the client's end of file; sink (port 9) reads to the end of file,
 * then sends the byte count and the checksum of what it read, so that a
 * client's shutdown(SHUT_WR) and the reply after it are both exercised.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pvmini/thread.h>

#include "nettest.h"

#define CHUNK 16384

static void echo_conn(void *arg)
{
	int fd = (int)(long)arg;
	uint8_t *buf = malloc(CHUNK);
	ssize_t n;

	while (buf && (n = read(fd, buf, CHUNK)) > 0)
		if (!send_all(fd, buf, n))
			break;
	free(buf);
	close(fd);
}

static void sink_conn(void *arg)
{
	int fd = (int)(long)arg;
	uint8_t *buf = malloc(CHUNK);
	uint32_t reply[3] = { 0, 0, 2166136261u };
	uint64_t total = 0;
	ssize_t n;

	while (buf && (n = recv(fd, buf, CHUNK, 0)) > 0) {
		reply[2] = fnv1a(reply[2], buf, n);
		total += n;
	}
	memcpy(reply, &total, sizeof(total));
	/* The client shut its sending side only: this still goes back. */
	send_all(fd, reply, sizeof(reply));
	free(buf);
	close(fd);
}

struct server {
	uint16_t port;
	void (*conn)(void *);
	const char *name;
	int fd;
};

static struct server echo = { ECHO_PORT, echo_conn, "echo", -1 };
static struct server sink = { SINK_PORT, sink_conn, "sink", -1 };

/* Connection threads end by themselves; nobody joins them (their stacks
 * stay, which a test of this size can afford). */
static void serve(void *arg)
{
	struct server *s = arg;

	for (;;) {
		int fd = accept(s->fd, NULL, NULL);

		if (fd < 0) {
			printf("WRONG: %s: accept: %s\n", s->name,
			       strerror(errno));
			return;
		}
		if (!thread_create(s->name, s->conn, (void *)(long)fd)) {
			printf("WRONG: %s: no thread\n", s->name);
			close(fd);
		}
	}
}

static void listen_on(struct server *s)
{
	struct sockaddr_in a = loopback(s->port);
	int one = 1;

	s->fd = socket(AF_INET, SOCK_STREAM, 0);
	check(s->fd >= 0, "listening socket");
	check(!setsockopt(s->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)),
	      "SO_REUSEADDR");
	check(!bind(s->fd, (struct sockaddr *)&a, sizeof(a)), "bind");
	check(!listen(s->fd, 32), "listen");
	check(thread_create(s->name, serve, s) != NULL, "server thread");
}

void start_servers(void)
{
	listen_on(&echo);
	listen_on(&sink);
}
