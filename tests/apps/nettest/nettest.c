/*
 * nettest - BSD sockets over lwIP inside one guest, on the loopback
 * interface (127.0.0.1) only: servers and clients are threads of this
 * app. Each area prints one line of what it measured; any check that
 * fails prints "WRONG: ..." and counts, and the last line gives the count.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "nettest.h"

static int failures;

bool check(bool ok, const char *what)
{
	if (!ok) {
		failures++;
		printf("WRONG: %s (errno %d: %s)\n", what, errno,
		       strerror(errno));
	}
	return ok;
}

struct sockaddr_in loopback(uint16_t port)
{
	return (struct sockaddr_in){ .sin_family = AF_INET,
				     .sin_port = htons(port),
				     .sin_addr.s_addr =
					     htonl(INADDR_LOOPBACK) };
}

int dial(uint16_t port)
{
	struct sockaddr_in a = loopback(port);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (!check(fd >= 0, "socket"))
		return -1;
	if (!check(!connect(fd, (struct sockaddr *)&a, sizeof(a)), "connect")) {
		close(fd);
		return -1;
	}
	return fd;
}

uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000ull + ts.tv_nsec / 1000000;
}

bool send_all(int fd, const void *buf, size_t n)
{
	const uint8_t *p = buf;

	while (n) {
		ssize_t put = send(fd, p, n, 0);

		if (put <= 0)
			return false;
		p += put;
		n -= put;
	}
	return true;
}

bool recv_all(int fd, void *buf, size_t n)
{
	uint8_t *p = buf;

	while (n) {
		ssize_t got = recv(fd, p, n, 0);

		if (got <= 0)
			return false;
		p += got;
		n -= got;
	}
	return true;
}

void fill(uint8_t *buf, size_t n, uint32_t seed, size_t off)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t x = (uint32_t)(off + i) * 2654435761u ^ seed;

		buf[i] = (uint8_t)(x >> 13 ^ x);
	}
}

uint32_t fnv1a(uint32_t h, const void *buf, size_t n)
{
	const uint8_t *p = buf;

	while (n--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	check_errors(); /* first: it checks the fd numbers sockets get */
	start_servers();
	check_options();
	check_events();
	check_udp();
	check_many();
	check_bulk();
	check_ether();
	printf("nettest: %d failure(s)\n", failures);
	return failures != 0;
}
