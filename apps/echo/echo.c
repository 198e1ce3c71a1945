/*
 * echo.c - the echo service (RFC 862) on TCP and UDP port 7, over the
 * domain's vifs (lwIP on netfront; docs/net.md), with its two classic
 * companions on TCP, which measure one direction at a time: discard
 * (RFC 863, port 9: reads to the end) and chargen (RFC 864, port 19:
 * sends its pattern until the peer closes).
 *
 * Every TCP connection is a thread; when it ends it says how many bytes
 * passed, how long it took and the CRC-32 of the bytes it read (a peer
 * compares it with its own). UDP datagrams are answered one by one by a
 * thread of their own.
 *
 * Without a vif, or with no vif that can have an address (a malformed
 * ip=, no DHCP answer), there is nothing to serve: it says so and ends
 * with exit code 1. At `xl shutdown` its shutdown hook ends the sending
 * side of every connection still open (the peers read end of file after
 * the last echoed byte), waits 2 s at most for the peers to close
 * theirs, and the domain powers off; the vif then has the frames still
 * queued sent (netfront).
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
	uint8_t *buf;
	uint64_t bytes; /* read (echo, discard) or sent (chargen) */
	uint32_t crc;
};

/* Echo and discard: what was read, and written back for echo. */
static ssize_t read_loop(struct conn *c, bool echo)
{
	ssize_t n;

	while ((n = read(c->fd, c->buf, CHUNK)) > 0) {
		c->crc = crc32_add(c->crc, c->buf, (size_t)n);
		c->bytes += (uint64_t)n;
		if (echo && !send_all(c->fd, c->buf, n))
			return -1;
	}
	return n;
}

/* RFC 864's pattern: line L is 72 characters from ' ' + L % 95 on,
 * then CR LF; CHUNK bytes of it are built once per 95 lines. */
static ssize_t chargen_loop(struct conn *c)
{
	uint8_t *line = c->buf;
	uint64_t at = 0;

	for (;;) {
		for (size_t i = 0; i < CHUNK; i++) {
			uint64_t pos = at + i, l = pos / 74, col = pos % 74;

			line[i] = col == 72   ? '\r'
				  : col == 73 ? '\n'
					      : (uint8_t)(' ' + (l + col) % 95);
		}
		if (!send_all(c->fd, line, CHUNK))
			return -1;
		at += CHUNK;
		c->bytes += CHUNK;
	}
}

enum service { ECHO, DISCARD, CHARGEN };
static const char *const names[] = { "tcp", "discard", "chargen" };
static const uint16_t ports[] = { 7, 9, 19 };

static void tcp_conn(struct conn *c, enum service svc)
{
	const char *what = names[svc];
	uint64_t start = monotonic_ns(), ms;
	ssize_t n = -1;
	int err = 0;

	c->buf = malloc(CHUNK);
	if (c->buf)
		n = svc == CHARGEN ? chargen_loop(c)
				   : read_loop(c, svc == ECHO);
	if (n < 0)
		err = errno;
	ms = (monotonic_ns() - start) / NSEC_PER_MSEC;
	printf("echo: %s %s: %llu bytes %s, crc32 %08x, %llu ms, %llu.%02llu "
	       "MB/s%s%s\n",
	       what, c->peer, (unsigned long long)c->bytes,
	       svc == CHARGEN ? "sent" : "read", (unsigned)c->crc,
	       (unsigned long long)ms,
	       (unsigned long long)(c->bytes / (ms + 1) / 1000),
	       (unsigned long long)(c->bytes / (ms + 1) / 10 % 100),
	       err ? ", ended by " : "", err ? strerror(err) : "");
	track(c->fd, false);
	close(c->fd);
	free(c->buf);
	free(c);
}

static void echo_conn(void *c)
{
	tcp_conn(c, ECHO);
}

static void discard_conn(void *c)
{
	tcp_conn(c, DISCARD);
}

static void chargen_conn(void *c)
{
	tcp_conn(c, CHARGEN);
}

static void (*const conn_fns[])(void *) = { echo_conn, discard_conn,
					    chargen_conn };

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
	/* A FIN after the last byte still queued: the peer reads it all,
	 * then end of file, and closes; our thread then reads end of file,
	 * says its line and closes too. */
	for (unsigned int i = 0; i < nconns; i++)
		shutdown(conns[i], SHUT_WR);
	mutex_unlock(&conns_lock);
	printf("echo: shutdown: %u connection(s) open, closing them\n", open);
	deadline_start(&d, &conns_gone, 2 * NSEC_PER_SEC);
	wait_event(conns_gone, nconns == 0 || d.passed);
	deadline_stop(&d);
	printf("echo: shutdown: %u connection(s) left\n", nconns);
}

static struct shutdown_hook hook = { .fn = on_shutdown };

static int bound_socket(int type, uint16_t port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(port) };
	int fd = socket(AF_INET, type, 0), one = 1;

	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&a, sizeof(a)) ||
	    (type == SOCK_STREAM && listen(fd, 64))) {
		printf("echo: %s socket on port %u: %s\n",
		       type == SOCK_STREAM ? "tcp" : "udp", port,
		       strerror(errno));
		exit(1);
	}
	return fd;
}

/* One service's listening socket: a thread per connection. */
static void accept_loop(enum service svc, int fd)
{
	for (;;) {
		struct sockaddr_in from;
		socklen_t len = sizeof(from);
		int cfd = accept(fd, (struct sockaddr *)&from, &len);
		struct conn *c;
		struct thread *t;

		if (cfd < 0) {
			printf("echo: accept on port %u: %s\n", ports[svc],
			       strerror(errno));
			thread_sleep_ns(100 * NSEC_PER_MSEC);
			continue;
		}
		c = calloc(1, sizeof(*c));
		if (!c || !track(cfd, true)) {
			close(cfd);
			free(c);
			continue;
		}
		c->fd = cfd;
		snprintf(c->peer, sizeof(c->peer), "%s:%u",
			 inet_ntoa(from.sin_addr), ntohs(from.sin_port));
		t = thread_create(names[svc], conn_fns[svc], c);
		if (t) {
			thread_detach(t);
		} else {
			track(cfd, false);
			close(cfd);
			free(c);
		}
	}
}

static int listening[3];

static void discard_server(void *arg __unused)
{
	accept_loop(DISCARD, listening[DISCARD]);
}

static void chargen_server(void *arg __unused)
{
	accept_loop(CHARGEN, listening[CHARGEN]);
}

int main(void)
{
	unsigned int up;
	int udp;

	crc_init();
	/* The first socket starts the stack, and with it the vifs. */
	for (int svc = ECHO; svc <= CHARGEN; svc++)
		listening[svc] = bound_socket(SOCK_STREAM, ports[svc]);
	udp = bound_socket(SOCK_DGRAM, ports[ECHO]);
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
	thread_detach(thread_create("udp-echo", udp_server, (void *)(long)udp));
	thread_detach(thread_create("discard", discard_server, NULL));
	thread_detach(thread_create("chargen", chargen_server, NULL));
	shutdown_hook_register(&hook);
	printf("echo: serving echo (TCP, UDP 7), discard (TCP 9), chargen "
	       "(TCP 19) on %u vif(s)\n",
	       up);
	accept_loop(ECHO, listening[ECHO]);
}
