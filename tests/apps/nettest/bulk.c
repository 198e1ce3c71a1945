/*
 * bulk.c - volume: 1 MiB each way through the echo server at once (a
 * writer thread sends while main reads) with a checksum, a one-way run
 * into the sink for the loopback throughput, and 20 connections open
 * and echoing at the same time.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "nettest.h"

#define CHUNK 16384
#define EACH_WAY (1 << 20)
#define ONE_WAY (8 << 20)
#define CONNS 20
#define PER_CONN 32768

struct writer {
	int fd;
	size_t total;
	uint32_t seed;
	bool ok;
};

static void write_pattern(void *arg)
{
	struct writer *w = arg;
	uint8_t *buf = malloc(CHUNK);

	w->ok = buf != NULL;
	for (size_t off = 0; w->ok && off < w->total; off += CHUNK) {
		size_t n = w->total - off < CHUNK ? w->total - off : CHUNK;

		fill(buf, n, w->seed, off);
		w->ok = send_all(w->fd, buf, n);
	}
	free(buf);
}

static uint32_t pattern_sum(size_t total, uint32_t seed)
{
	uint8_t buf[512];
	uint32_t h = 2166136261u;

	for (size_t off = 0; off < total; off += sizeof(buf)) {
		fill(buf, sizeof(buf), seed, off);
		h = fnv1a(h, buf, sizeof(buf));
	}
	return h;
}

/* MB/s as "12.3" for n bytes in ms. */
static void rate(char *out, size_t size, uint64_t n, uint64_t ms)
{
	uint64_t tenths = ms ? n * 10000 / (ms * 1000000) : 0;

	snprintf(out, size, "%llu.%llu", (unsigned long long)tenths / 10,
		 (unsigned long long)tenths % 10);
}

void check_bulk(void)
{
	struct writer w = { .total = EACH_WAY, .seed = 0x5eed };
	uint8_t *buf = malloc(CHUNK);
	uint32_t h = 2166136261u, reply[3];
	uint64_t got = 0, t0, ms, count;
	struct thread *t;
	char both[16], one[16];
	ssize_t n;
	bool ok;

	w.fd = dial(ECHO_PORT);
	if (!check(buf && w.fd >= 0, "bulk connection"))
		return;
	t0 = now_ms();
	t = thread_create("writer", write_pattern, &w);
	while (got < EACH_WAY && (n = recv(w.fd, buf, CHUNK, 0)) > 0) {
		h = fnv1a(h, buf, n);
		got += n;
	}
	thread_join(t);
	ms = now_ms() - t0;
	ok = check(w.ok && got == EACH_WAY, "1 MiB each way");
	ok &= check(h == pattern_sum(EACH_WAY, w.seed),
		    "the echo's checksum matches what was sent");
	close(w.fd);
	rate(both, sizeof(both), 2 * (uint64_t)EACH_WAY, ms);

	/* One way into the sink, which answers count and checksum after our
	 * shutdown(SHUT_WR). */
	w = (struct writer){ .total = ONE_WAY, .seed = 0xfeed };
	w.fd = dial(SINK_PORT);
	if (!check(w.fd >= 0, "sink connection"))
		return;
	t0 = now_ms();
	write_pattern(&w);
	ok &= check(w.ok && !shutdown(w.fd, SHUT_WR), "8 MiB sent, SHUT_WR");
	ok &= check(recv_all(w.fd, reply, sizeof(reply)), "the sink answers");
	ms = now_ms() - t0;
	memcpy(&count, reply, sizeof(count));
	ok &= check(count == ONE_WAY &&
			    reply[2] == pattern_sum(ONE_WAY, w.seed),
		    "the sink got every byte, checksum equal");
	close(w.fd);
	rate(one, sizeof(one), ONE_WAY, ms);
	free(buf);
	printf("bulk: 1 MiB each way through echo, checksum %s\n",
	       ok ? "equal" : "WRONG");
	printf("throughput: %s MB/s one way (8 MiB into the sink), %s MB/s "
	       "echo (both ways counted)\n",
	       one, both);
}

struct conn {
	int id;
	bool ok;
	bool done;
};

static int connected;
static struct wait_queue all_in = WAIT_QUEUE_INIT;

/* Connects, waits for the other 19 to be connected too, then echoes
 * its own pattern and checks it. */
static void one_conn(void *arg)
{
	struct conn *c = arg;
	uint8_t *out = malloc(PER_CONN), *in = malloc(PER_CONN);
	int fd = dial(ECHO_PORT);

	connected++;
	wake_all(&all_in);
	wait_event(all_in, connected >= CONNS);
	if (fd >= 0 && out && in) {
		fill(out, PER_CONN, c->id * 7919, 0);
		c->ok = send_all(fd, out, PER_CONN) &&
			recv_all(fd, in, PER_CONN) &&
			!memcmp(in, out, PER_CONN);
	}
	close(fd);
	free(out);
	free(in);
	c->done = true;
}

void check_many(void)
{
	static struct conn conns[CONNS];
	struct thread *t[CONNS];
	int good = 0;

	for (int i = 0; i < CONNS; i++) {
		conns[i] = (struct conn){ .id = i + 1 };
		t[i] = thread_create("client", one_conn, &conns[i]);
		check(t[i] != NULL, "client thread");
	}
	for (int i = 0; i < CONNS; i++)
		if (t[i])
			thread_join(t[i]);
	for (int i = 0; i < CONNS; i++)
		good += conns[i].ok;
	check(good == CONNS, "every connection echoed its 32 KiB");
	printf("many: %d connections open at once, %d echoed 32 KiB intact\n",
	       connected, good);
}
