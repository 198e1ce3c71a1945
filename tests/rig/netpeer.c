/*
 * netpeer - dom0's end of the network tests: talks to a guest's echo,
 * discard and chargen services over xenbr0 and checks every byte.
 * Built by tests/rig/setup like gntcheck and unixcat.
 *
 *   netpeer tcp ADDR PORT BYTES CONNS  CONNS connections at once, each
 *                      sends BYTES of its own pseudo-random stream, half-
 *                      closes and reads the echo to the end: intact?
 *   netpeer send ADDR PORT BYTES       BYTES into a discard server
 *   netpeer recv ADDR PORT BYTES       BYTES out of a chargen server,
 *                      the RFC 864 pattern checked, then closes
 *   netpeer udp ADDR PORT COUNT SIZE   COUNT datagrams of SIZE, each
 *                      answered within 1 s (3 tries) and intact?
 *   netpeer reset ADDR PORT BYTES      sends BYTES, reads nothing, then
 *                      resets the connection (SO_LINGER 0)
 *   netpeer blast ADDR PORT COUNT SIZE COUNT datagrams of SIZE as fast
 *                      as they go, expecting nothing back
 *   netpeer hold ADDR PORT CONNS SECS  opens CONNS echo connections,
 *                      says so, then waits SECS for the guest to end
 *                      each one (end of file)
 * Every mode prints "netpeer: ..." lines, with the CRC-32 of the bytes
 * each way and MB/s (10^6 bytes a second) where it measures, and exits
 * 0 only if everything was as expected.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_in peer;
static uint32_t crc_table[256];

static void crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;

		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320U ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
}

static uint32_t crc32_add(uint32_t crc, const uint8_t *p, size_t n)
{
	crc = ~crc;
	while (n--)
		crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Connection k's stream: byte i is a function of k and i alone. */
static uint8_t stream_byte(unsigned int k, uint64_t i)
{
	uint64_t z =
		(i >> 3) * 0x9e3779b97f4a7c15ULL + k * 0xbf58476d1ce4e5b9ULL;

	z ^= z >> 29;
	z *= 0x94d049bb133111ebULL;
	return (uint8_t)(z >> (8 * (i & 7)));
}

static void fill(unsigned int k, uint64_t at, uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = stream_byte(k, at + i);
}

static int dial(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0 || connect(fd, (struct sockaddr *)&peer, sizeof(peer))) {
		printf("netpeer: connect: %s\n", strerror(errno));
		exit(1);
	}
	return fd;
}

struct conn {
	int fd;
	uint64_t sent, got;
	uint32_t crc_out, crc_in;
	int state; /* 0 sending, 1 half-closed, 2 done, 3 failed */
};

static void fail(struct conn *c, unsigned int k, const char *why)
{
	printf("netpeer: tcp: connection %u: %s after %llu bytes sent, %llu "
	       "back\n",
	       k, why, (unsigned long long)c->sent, (unsigned long long)c->got);
	c->state = 3;
	close(c->fd);
}

static void step(struct conn *c, unsigned int k, uint64_t bytes, short ev)
{
	uint8_t buf[65536], want[65536];
	ssize_t n;

	if (c->state == 0 && (ev & POLLOUT)) {
		size_t len = bytes - c->sent < sizeof(buf) ? bytes - c->sent
							   : sizeof(buf);

		fill(k, c->sent, buf, len);
		n = len ? send(c->fd, buf, len, MSG_DONTWAIT) : 0;
		if (n < 0 && errno != EAGAIN)
			return fail(c, k, strerror(errno));
		if (n > 0) {
			c->crc_out = crc32_add(c->crc_out, buf, (size_t)n);
			c->sent += (uint64_t)n;
		}
		if (c->sent == bytes) {
			shutdown(c->fd, SHUT_WR);
			c->state = 1;
		}
	}
	if (c->state <= 1 && (ev & (POLLIN | POLLHUP | POLLERR))) {
		n = recv(c->fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n < 0 && errno != EAGAIN)
			return fail(c, k, strerror(errno));
		if (n == 0) {
			if (c->got != bytes || c->state != 1)
				return fail(c, k, "end of file too early");
			c->state = 2;
			close(c->fd);
			return;
		}
		if (n > 0) {
			fill(k, c->got, want, (size_t)n);
			if (memcmp(buf, want, (size_t)n))
				return fail(c, k, "the echo differs");
			c->crc_in = crc32_add(c->crc_in, buf, (size_t)n);
			c->got += (uint64_t)n;
			if (c->got > c->sent)
				return fail(c, k, "more back than sent");
		}
	}
}

static int tcp(uint64_t bytes, unsigned int nconns)
{
	struct conn *c = calloc(nconns, sizeof(*c));
	struct pollfd *p = calloc(nconns, sizeof(*p));
	unsigned int ok = 0, bad = 0, k;
	double t0 = now(), dt;

	for (k = 0; k < nconns; k++)
		c[k].fd = dial();
	for (;;) {
		unsigned int live = 0;

		for (k = 0; k < nconns; k++) {
			p[k].fd = c[k].state >= 2 ? -1 : c[k].fd;
			p[k].events =
				(short)(POLLIN | (c[k].state ? 0 : POLLOUT));
			live += c[k].state < 2;
		}
		if (!live)
			break;
		if (poll(p, nconns, 20000) <= 0) {
			printf("netpeer: tcp: nothing moved for 20 s\n");
			for (k = 0; k < nconns; k++)
				if (c[k].state < 2)
					fail(&c[k], k, "stuck");
			break;
		}
		for (k = 0; k < nconns; k++)
			if (p[k].revents)
				step(&c[k], k, bytes, p[k].revents);
	}
	dt = now() - t0;
	for (k = 0; k < nconns; k++)
		c[k].state == 2 ? ok++ : bad++;
	printf("netpeer: tcp: %u connection(s) x %llu bytes: %u echoed intact, "
	       "%u failed, %.2f s\n",
	       nconns, (unsigned long long)bytes, ok, bad, dt);
	if (nconns == 1 && ok)
		printf("netpeer: tcp: crc32 sent %08x, back %08x; %.2f MB/s "
		       "each way\n",
		       c[0].crc_out, c[0].crc_in, (double)bytes / dt / 1e6);
	return bad ? 1 : 0;
}

static int send_only(uint64_t bytes)
{
	static uint8_t buf[65536];
	int fd = dial();
	uint64_t sent = 0;
	uint32_t crc = 0;
	double t0 = now(), dt;

	while (sent < bytes) {
		size_t len =
			bytes - sent < sizeof(buf) ? bytes - sent : sizeof(buf);
		ssize_t n;

		fill(0, sent, buf, len);
		n = send(fd, buf, len, 0);
		if (n <= 0) {
			printf("netpeer: send: %s after %llu bytes\n",
			       strerror(errno), (unsigned long long)sent);
			return 1;
		}
		crc = crc32_add(crc, buf, (size_t)n);
		sent += (uint64_t)n;
	}
	shutdown(fd, SHUT_WR);
	while (recv(fd, buf, sizeof(buf), 0) > 0) /* the guest's close */
		;
	dt = now() - t0;
	close(fd);
	printf("netpeer: send: %llu bytes, crc32 %08x, %.2f s, %.2f MB/s\n",
	       (unsigned long long)sent, crc, dt, (double)sent / dt / 1e6);
	return 0;
}

/* RFC 864: line L is the 72 printable characters from ' ' + L % 95 on. */
static char chargen_byte(uint64_t i)
{
	uint64_t line = i / 74, col = i % 74;

	if (col == 72)
		return '\r';
	if (col == 73)
		return '\n';
	return (char)(' ' + (line + col) % 95);
}

static int recv_only(uint64_t bytes)
{
	static uint8_t buf[65536];
	int fd = dial();
	uint64_t got = 0;
	uint32_t crc = 0;
	double t0 = now(), dt;

	while (got < bytes) {
		size_t want =
			bytes - got < sizeof(buf) ? bytes - got : sizeof(buf);
		ssize_t n = recv(fd, buf, want, 0);

		if (n <= 0) {
			printf("netpeer: recv: %s after %llu bytes\n",
			       n ? strerror(errno) : "end of file",
			       (unsigned long long)got);
			return 1;
		}
		for (ssize_t i = 0; i < n; i++)
			if ((char)buf[i] != chargen_byte(got + (uint64_t)i)) {
				printf("netpeer: recv: byte %llu differs\n",
				       (unsigned long long)(got + (uint64_t)i));
				return 1;
			}
		crc = crc32_add(crc, buf, (size_t)n);
		got += (uint64_t)n;
	}
	dt = now() - t0;
	close(fd);
	printf("netpeer: recv: %llu bytes of the chargen pattern, crc32 %08x, "
	       "%.2f s, %.2f MB/s\n",
	       (unsigned long long)got, crc, dt, (double)got / dt / 1e6);
	return 0;
}

static int udp(unsigned int count, size_t size)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	uint8_t *out = malloc(size), *in = malloc(size + 1);
	unsigned int ok = 0, sends = 0;
	struct pollfd p = { .fd = fd, .events = POLLIN };

	connect(fd, (struct sockaddr *)&peer, sizeof(peer));
	for (unsigned int i = 0; i < count; i++) {
		fill(i, 0, out, size);
		for (int tries = 0; tries < 3; tries++) {
			ssize_t n;

			send(fd, out, size, 0);
			sends++;
			if (poll(&p, 1, 1000) != 1)
				continue;
			n = recv(fd, in, size + 1, 0);
			if (n == (ssize_t)size && !memcmp(in, out, size)) {
				ok++;
				break;
			}
		}
	}
	printf("netpeer: udp: %u of %u datagrams of %zu bytes echoed intact "
	       "(%u sent in all)\n",
	       ok, count, size, sends);
	return ok == count ? 0 : 1;
}

static int blast(unsigned int count, size_t size)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	uint8_t *buf = calloc(1, size);
	unsigned int sent = 0;
	double t0 = now(), dt;

	connect(fd, (struct sockaddr *)&peer, sizeof(peer));
	while (sent < count) {
		if (send(fd, buf, size, 0) == (ssize_t)size)
			sent++;
		else if (errno != ENOBUFS && errno != EAGAIN)
			break;
	}
	dt = now() - t0;
	printf("netpeer: blast: %u datagrams of %zu bytes in %.2f s\n", sent,
	       size, dt);
	return sent == count ? 0 : 1;
}

static int reset(uint64_t bytes)
{
	static uint8_t buf[65536];
	struct linger l = { 1, 0 };
	int fd = dial();
	uint64_t sent = 0;

	/* Not reading: the guest's echo fills our window, its sends wait. */
	fcntl(fd, F_SETFL, O_NONBLOCK);
	while (sent < bytes) {
		struct pollfd p = { .fd = fd, .events = POLLOUT };
		ssize_t n;

		fill(0, sent, buf, sizeof(buf));
		n = send(fd, buf,
			 bytes - sent < sizeof(buf) ? bytes - sent
						    : sizeof(buf),
			 0);
		if (n > 0)
			sent += (uint64_t)n;
		else if (poll(&p, 1, 500) != 1)
			break; /* both windows full: reset it now */
	}
	setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
	close(fd);
	printf("netpeer: reset: %llu bytes sent, nothing read, then RST\n",
	       (unsigned long long)sent);
	return 0;
}

static int hold(unsigned int nconns, int secs)
{
	int *fd = calloc(nconns, sizeof(*fd));
	unsigned int ended = 0;
	char buf[64];
	double until;

	for (unsigned int k = 0; k < nconns; k++) {
		int len = snprintf(buf, sizeof(buf), "hello %u\n", k);

		fd[k] = dial();
		if (send(fd[k], buf, (size_t)len, 0) != len ||
		    recv(fd[k], buf, sizeof(buf), 0) != len) {
			printf("netpeer: hold: connection %u does not echo\n",
			       k);
			return 1;
		}
	}
	printf("netpeer: hold: %u connection(s) open and echoing\n", nconns);
	fflush(stdout);
	until = now() + secs;
	for (unsigned int k = 0; k < nconns; k++) {
		struct pollfd p = { .fd = fd[k], .events = POLLIN };
		int left = (int)((until - now()) * 1000);

		if (left > 0 && poll(&p, 1, left) == 1 &&
		    recv(fd[k], buf, sizeof(buf), 0) == 0)
			ended++;
		close(fd[k]);
	}
	printf("netpeer: hold: %u of %u ended by the guest (end of file)\n",
	       ended, nconns);
	return ended == nconns ? 0 : 1;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	crc_init();
	if (argc < 5) {
		fprintf(stderr,
			"usage: netpeer tcp|send|recv|udp|blast|reset|hold "
			"ADDR PORT ...\n");
		return 2;
	}
	peer.sin_family = AF_INET;
	peer.sin_port = htons((uint16_t)atoi(argv[3]));
	if (inet_pton(AF_INET, argv[2], &peer.sin_addr) != 1) {
		fprintf(stderr, "netpeer: %s is no IPv4 address\n", argv[2]);
		return 2;
	}
	if (!strcmp(mode, "tcp") && argc == 6)
		return tcp(strtoull(argv[4], NULL, 0), (unsigned)atoi(argv[5]));
	if (!strcmp(mode, "send"))
		return send_only(strtoull(argv[4], NULL, 0));
	if (!strcmp(mode, "recv"))
		return recv_only(strtoull(argv[4], NULL, 0));
	if (!strcmp(mode, "udp") && argc == 6)
		return udp((unsigned)atoi(argv[4]), (size_t)atoi(argv[5]));
	if (!strcmp(mode, "blast") && argc == 6)
		return blast((unsigned)atoi(argv[4]), (size_t)atoi(argv[5]));
	if (!strcmp(mode, "reset"))
		return reset(strtoull(argv[4], NULL, 0));
	if (!strcmp(mode, "hold") && argc == 6)
		return hold((unsigned)atoi(argv[4]), atoi(argv[5]));
	fprintf(stderr, "netpeer: bad arguments\n");
	return 2;
}
