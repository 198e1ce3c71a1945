/*
 * echo.c - the echo service (RFC 862) on TCP and UDP port 7, over the
 * domain's vifs (lwIP on netfront; docs/net.md).
 *
 * Every TCP connection is a thread that sends back what it reads until
 * the peer's end of file, then says how much passed, how long it took
 * and the CRC-32 of the bytes (a peer compares it with its own). UDP
 * datagrams are answered one by one by a thread of their own.
 *
 * Without a vif, or with no vif that can have an address (a malformed
 * ip=, no DHCP answer), there is nothing to serve: it says so and ends
 * with exit code 1. At `xl shutdown` its shutdown hook ends the
 * connections still open (the peers read end of file after the last
 * echoed byte), waits for them (2 s at most), and the domain powers
 * off; the vif then has the frames still queued sent (netfront).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/xenstore.h>
#include <pvnet.h>

#define PORT 7
#define CHUNK 16384
#define MAX_CONNS 64

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

/* Open connections, for the shutdown hook. */
static int conns[MAX_CONNS];
static unsigned int nconns;
static struct mutex conns_lock = MUTEX_INIT;
static struct wait_queue conns_gone = WAIT_QUEUE_INIT;
static bool shutting_down;

static bool track(int fd, bool add)
{
	bool ok = true;

	mutex_lock(&conns_lock);
	if (add && (nconns == MAX_CONNS || shutting_down)) {
		ok = false;
	} else if (add) {
		conns[nconns++] = fd;
	} else {
		for (unsigned int i = 0; i < nconns; i++)
			if (conns[i] == fd)
				conns[i] = conns[--nconns];
		wake_all(&conns_gone);
	}
	mutex_unlock(&conns_lock);
	return ok;
}

static bool send_all(int fd, const uint8_t *p, ssize_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, (size_t)n);

		if (w <= 0)
			return false;
		p += w;
		n -= w;
	}
	return true;
}

struct conn {
	int fd;
	char peer[24];
};

static void tcp_conn(void *arg)
{
	struct conn *c = arg;
	uint8_t *buf = malloc(CHUNK);
	uint64_t total = 0, start = monotonic_ns(), ms;
	uint32_t crc = 0;
	ssize_t n = 0;
	int err = 0;

	while (buf && (n = read(c->fd, buf, CHUNK)) > 0) {
		crc = crc32_add(crc, buf, (size_t)n);
		total += (uint64_t)n;
		if (!send_all(c->fd, buf, n)) {
			n = -1;
			break;
		}
	}
	if (n < 0)
		err = errno;
	ms = (monotonic_ns() - start) / NSEC_PER_MSEC;
	printf("echo: tcp %s: %llu bytes echoed, crc32 %08x, %llu ms%s%s\n",
	       c->peer, (unsigned long long)total, (unsigned)crc,
	       (unsigned long long)ms, err ? ", ended by " : "",
	       err ? strerror(err) : "");
	track(c->fd, false);
	close(c->fd);
	free(buf);
	free(c);
}

static void udp_server(void *arg)
{
	int fd = (int)(long)arg;
	static uint8_t buf[65536];
	unsigned long answered = 0;

	for (;;) {
		struct sockaddr_in from;
		socklen_t len = sizeof(from);
		ssize_t n = recvfrom(fd, buf, sizeof(buf), 0,
				     (struct sockaddr *)&from, &len);

		if (n < 0)
			break;
		if (sendto(fd, buf, (size_t)n, 0, (struct sockaddr *)&from,
			   len) == n &&
		    ++answered % 1000 == 0)
			printf("echo: udp: %lu datagrams answered\n", answered);
	}
	printf("echo: udp: %s; %lu datagrams answered\n", strerror(errno),
	       answered);
}

/* xl shutdown: the lifecycle thread runs this before the domain ends. */
static void on_shutdown(unsigned int reason __unused, void *data __unused)
{
	struct deadline d = { 0 };
	unsigned int open;

	mutex_lock(&conns_lock);
	shutting_down = true;
	open = nconns;
	/* Their threads read end of file, say their line and close. */
	for (unsigned int i = 0; i < nconns; i++)
		shutdown(conns[i], SHUT_RDWR);
	mutex_unlock(&conns_lock);
	printf("echo: shutdown: %u connection(s) open, closing them\n", open);
	deadline_start(&d, &conns_gone, 2 * NSEC_PER_SEC);
	wait_event(conns_gone, nconns == 0 || d.passed);
	deadline_stop(&d);
	printf("echo: shutdown: %u connection(s) left\n", nconns);
}

static struct shutdown_hook hook = { .fn = on_shutdown };

static int bound_socket(int type)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(PORT) };
	int fd = socket(AF_INET, type, 0), one = 1;

	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&a, sizeof(a))) {
		printf("echo: %s socket on port %d: %s\n",
		       type == SOCK_STREAM ? "tcp" : "udp", PORT,
		       strerror(errno));
		exit(1);
	}
	return fd;
}

int main(void)
{
	int tcp, udp;
	unsigned int up;

	crc_init();
	tcp = bound_socket(SOCK_STREAM); /* the first socket starts the stack */
	udp = bound_socket(SOCK_DGRAM);
	if (pvnet_vif_count() == 0) {
		printf("echo: no network interface (the cfg has no vif=): "
		       "nothing to serve\n");
		exit(1);
	}
	up = pvnet_wait_vifs(30000);
	if (up == 0) {
		printf("echo: no vif has an address: nothing to serve\n");
		exit(1);
	}
	if (listen(tcp, 64)) {
		printf("echo: listen: %s\n", strerror(errno));
		exit(1);
	}
	thread_detach(thread_create("udp-echo", udp_server, (void *)(long)udp));
	shutdown_hook_register(&hook);
	printf("echo: serving TCP and UDP port %d on %u vif(s)\n", PORT, up);
	for (;;) {
		struct sockaddr_in from;
		socklen_t len = sizeof(from);
		int fd = accept(tcp, (struct sockaddr *)&from, &len);
		struct conn *c;
		struct thread *t;

		if (fd < 0) {
			printf("echo: accept: %s\n", strerror(errno));
			thread_sleep_ns(100 * NSEC_PER_MSEC);
			continue;
		}
		c = malloc(sizeof(*c));
		if (!c || !track(fd, true)) {
			close(fd);
			free(c);
			continue;
		}
		c->fd = fd;
		snprintf(c->peer, sizeof(c->peer), "%s:%u",
			 inet_ntoa(from.sin_addr), ntohs(from.sin_port));
		t = thread_create("echo-conn", tcp_conn, c);
		if (t) {
			thread_detach(t);
		} else {
			track(fd, false);
			close(fd);
			free(c);
		}
	}
}
