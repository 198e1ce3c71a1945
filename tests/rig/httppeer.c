/*
 * httppeer - dom0's HTTP client for the network benchmark (bench/net.sh),
 * the same for pvmini's httpd and the Linux domU's busybox httpd. Built
 * by tests/rig/setup like netpeer; bench/net.sh also builds it static for
 * the Linux domU, which runs only its "pattern" mode.
 *
 *   httppeer first ADDR PORT PATH SECS  a new connection and a GET every
 *              20 ms until one is answered 200 (SECS at most): prints
 *              the time since it started
 *   httppeer get ADDR PORT PATH [check]  one GET: the body counted
 *              (and with "check", /bytes/N's checked against its
 *              pattern: dom0 shares the rig's one CPU with the guest,
 *              so a timed transfer is better not checked); MB/s
 *   httppeer reqs ADDR PORT PATH COUNT ka|new  COUNT GETs one after the
 *              other: ka on one keep-alive connection (a new one only
 *              when the server closes it: busybox httpd does after each
 *              answer), new: a new connection each; each request's time
 *              from its send (or connect) to its body's last byte
 *   httppeer pattern FILE N             writes /bytes/N's text to FILE
 *
 * The /bytes/N text (apps/httpd/bytes_pattern.h): 16-byte lines, each
 * its own offset as 15 lowercase hex digits and a newline. Prints
 * "httppeer: ..." lines; exits 0 only if every answer was a whole 200.
 */
#define _GNU_SOURCE /* strcasestr */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUF 65536

static struct sockaddr_in peer;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The pattern line by line: each is the one before plus 16. */
struct pattern {
	char line[16];
	unsigned int col;
};

static void pattern_start(struct pattern *p)
{
	memset(p->line, '0', 15);
	p->line[15] = '\n';
	p->col = 0;
}

static void pattern_next(struct pattern *p, char *out, size_t n)
{
	while (n) {
		size_t k = 16 - p->col < n ? 16 - p->col : n;

		memcpy(out, p->line + p->col, k);
		out += k;
		n -= k;
		p->col += (unsigned int)k;
		if (p->col < 16)
			break;
		p->col = 0;
		for (int d = 13; d >= 0; d--) {
			char c = p->line[d];

			p->line[d] = c == 'f' ? '0' : c == '9' ? 'a' : c + 1;
			if (c != 'f')
				break;
		}
	}
}

/* One connection's buffered reader. */
struct conn {
	int fd;
	char buf[BUF];
	size_t len, off;
};

static int dial(struct conn *c, int timeout_ms)
{
	struct pollfd p;
	int one = 1, err = 0;
	socklen_t el = sizeof(err);

	c->len = c->off = 0;
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (c->fd < 0)
		return -1;
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (connect(c->fd, (struct sockaddr *)&peer, sizeof(peer)) &&
	    errno != EINPROGRESS)
		goto fail;
	p = (struct pollfd){ .fd = c->fd, .events = POLLOUT };
	if (poll(&p, 1, timeout_ms) != 1)
		goto fail;
	getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &el);
	if (err)
		goto fail;
	fcntl(c->fd, F_SETFL, 0);
	return 0;
fail:
	close(c->fd);
	c->fd = -1;
	return -1;
}

/* Up to n more bytes, waiting at most timeout_ms; 0 at end of file. */
static ssize_t fill(struct conn *c, int timeout_ms)
{
	struct pollfd p = { .fd = c->fd, .events = POLLIN };
	ssize_t n;

	if (c->off == c->len)
		c->off = c->len = 0;
	if (poll(&p, 1, timeout_ms) != 1)
		return -1;
	n = recv(c->fd, c->buf + c->len, BUF - 1 - c->len, 0);
	if (n > 0)
		c->len += (size_t)n;
	return n;
}

struct answer {
	int status;
	long long length;
	int closes; /* the server closes after this answer */
};

/* Reads an answer's head. 0, or -1 on end of file, timeout or garbage. */
static int read_head(struct conn *c, struct answer *a, int timeout_ms)
{
	char *end, *l, *eol;
	int minor;

	for (;;) {
		c->buf[c->len] = 0; /* BUF - 1 bytes at most are read */
		end = strstr(c->buf + c->off, "\r\n\r\n");
		if (end)
			break;
		if (c->len >= BUF - 1 || fill(c, timeout_ms) <= 0)
			return -1;
	}
	*end = 0;
	*a = (struct answer){ .length = -1 };
	if (sscanf(c->buf + c->off, "HTTP/1.%d %d", &minor, &a->status) != 2)
		return -1;
	a->closes = minor == 0; /* HTTP/1.0 closes unless it says keep-alive */
	for (l = strstr(c->buf + c->off, "\r\n"); l; l = strstr(l, "\r\n")) {
		l += 2;
		if (!strncasecmp(l, "content-length:", 15))
			a->length = atoll(l + 15);
		else if (!strncasecmp(l, "connection:", 11)) {
			eol = strstr(l, "\r\n");
			if (eol)
				*eol = 0;
			a->closes = !strcasestr(l, "keep-alive");
			if (eol)
				*eol = '\r';
		}
	}
	c->off = (size_t)(end + 4 - c->buf);
	return a->length < 0 ? -1 : 0;
}

/* Reads the body (a->length bytes), checking it against pat if given. */
static int read_body(struct conn *c, const struct answer *a,
		     struct pattern *pat)
{
	static char want[BUF];
	long long left = a->length;

	while (left > 0) {
		size_t n;

		if (c->off == c->len && fill(c, 20000) <= 0) {
			printf("httppeer: the body ended %lld bytes short\n",
			       left);
			return -1;
		}
		n = c->len - c->off;
		if ((long long)n > left)
			n = (size_t)left;
		if (pat) {
			pattern_next(pat, want, n);
			if (memcmp(want, c->buf + c->off, n)) {
				printf("httppeer: the body differs from the "
				       "pattern near byte %lld\n",
				       a->length - left);
				return -1;
			}
		}
		c->off += n;
		left -= (long long)n;
	}
	return 0;
}

static int request(struct conn *c, const char *path, int keep)
{
	char req[512];
	int n = snprintf(req, sizeof(req),
			 "GET %s HTTP/1.1\r\nHost: bench\r\n%s\r\n", path,
			 keep ? "" : "Connection: close\r\n");

	return send(c->fd, req, (size_t)n, MSG_NOSIGNAL) == n ? 0 : -1;
}

static int first(const char *path, double secs)
{
	double t0 = now();
	struct conn *c = malloc(sizeof(*c));
	struct answer a;
	unsigned int tries = 0;

	while (now() - t0 < secs) {
		double t = now();

		tries++;
		if (!dial(c, 20)) {
			if (!request(c, path, 0) && !read_head(c, &a, 2000) &&
			    a.status == 200) {
				printf("httppeer: first 200 after %.3f s (%u "
				       "tries)\n",
				       now() - t0, tries);
				close(c->fd);
				return 0;
			}
			close(c->fd);
		}
		t = 0.02 - (now() - t);
		if (t > 0)
			usleep((useconds_t)(t * 1e6));
	}
	printf("httppeer: no 200 within %.0f s (%u tries)\n", secs, tries);
	return 1;
}

/* The N of /bytes/N, or 0 if path is another. */
static unsigned long long bytes_n(const char *path)
{
	return strncmp(path, "/bytes/", 7) ? 0 : strtoull(path + 7, NULL, 10);
}

static int get(const char *path, int check)
{
	struct conn *c = malloc(sizeof(*c));
	struct pattern pat;
	struct answer a;
	double t0 = now(), dt;

	pattern_start(&pat);
	if (dial(c, 5000) || request(c, path, 0) || read_head(c, &a, 20000)) {
		printf("httppeer: get %s: no answer\n", path);
		return 1;
	}
	if (a.status != 200 || read_body(c, &a, check ? &pat : NULL))
		return printf("httppeer: get %s: status %d\n", path, a.status),
		       1;
	dt = now() - t0;
	printf("httppeer: get %s: %lld bytes%s in %.2f s, %.2f MB/s\n", path,
	       a.length, check ? ", the pattern checked" : "", dt,
	       (double)a.length / dt / 1e6);
	close(c->fd);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int reqs(const char *path, unsigned int count, int keep)
{
	struct conn *c = malloc(sizeof(*c));
	double *ms = calloc(count, sizeof(*ms)), sum = 0, t0 = now();
	unsigned int conns = 0;
	struct answer a;

	c->fd = -1;
	for (unsigned int i = 0; i < count; i++) {
		double t = now();

		if (c->fd < 0) {
			if (dial(c, 5000))
				return printf("httppeer: connect: %s\n",
					      strerror(errno)),
				       1;
			conns++;
		}
		if (request(c, path, keep) || read_head(c, &a, 5000) ||
		    a.status != 200 || read_body(c, &a, NULL)) {
			printf("httppeer: request %u failed\n", i);
			return 1;
		}
		ms[i] = (now() - t) * 1e3;
		sum += ms[i];
		if (!keep || a.closes) {
			close(c->fd);
			c->fd = -1;
		}
	}
	if (c->fd >= 0)
		close(c->fd);
	qsort(ms, count, sizeof(*ms), cmp_double);
	printf("httppeer: %u requests %s on %u connection(s) in %.2f s: median "
	       "%.3f ms, p99 %.3f ms, mean %.3f ms, max %.3f ms\n",
	       count, path, conns, now() - t0, ms[count / 2],
	       ms[(count * 99 + 99) / 100 - 1], sum / count, ms[count - 1]);
	return 0;
}

static int pattern_file(const char *file, unsigned long long n)
{
	static char buf[BUF];
	struct pattern pat;
	FILE *f = fopen(file, "w");

	if (!f)
		return perror(file), 1;
	pattern_start(&pat);
	for (unsigned long long left = n; left;) {
		size_t k = left < BUF ? (size_t)left : BUF;

		pattern_next(&pat, buf, k);
		if (fwrite(buf, 1, k, f) != k)
			return perror(file), 1;
		left -= k;
	}
	return fclose(f) ? perror(file), 1 : 0;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(mode, "pattern") && argc == 4)
		return pattern_file(argv[2], strtoull(argv[3], NULL, 10));
	if (argc < 5) {
		fprintf(stderr, "usage: httppeer first|get|reqs ADDR PORT PATH "
				"..., httppeer pattern FILE N\n");
		return 2;
	}
	peer.sin_family = AF_INET;
	peer.sin_port = htons((uint16_t)atoi(argv[3]));
	if (inet_pton(AF_INET, argv[2], &peer.sin_addr) != 1) {
		fprintf(stderr, "httppeer: %s is no IPv4 address\n", argv[2]);
		return 2;
	}
	if (!strcmp(mode, "first") && argc == 6)
		return first(argv[4], atof(argv[5]));
	if (!strcmp(mode, "get") && (argc == 5 || argc == 6))
		return get(argv[4], argc == 6 && !strcmp(argv[5], "check") &&
					    bytes_n(argv[4]));
	if (!strcmp(mode, "reqs") && argc == 7 && atoi(argv[5]) > 0)
		return reqs(argv[4], (unsigned)atoi(argv[5]),
			    !strcmp(argv[6], "ka"));
	fprintf(stderr, "httppeer: bad arguments\n");
	return 2;
}
