/*
 * events.c - waiting on sockets: SO_RCVTIMEO, O_NONBLOCK and
 * MSG_DONTWAIT, poll and select readiness, a close or a shutdown seen
 * by a reader blocked in another thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "nettest.h"

/* Two connected ends, through a listener on an ephemeral port. */
static bool pair(int *a, int *b)
{
	struct sockaddr_in addr = loopback(0);
	socklen_t len = sizeof(addr);
	int l = socket(AF_INET, SOCK_STREAM, 0);

	*a = *b = -1;
	if (!check(l >= 0 && !bind(l, (struct sockaddr *)&addr, len) &&
			   !listen(l, 1) &&
			   !getsockname(l, (struct sockaddr *)&addr, &len),
		   "a listener on an ephemeral port"))
		return false;
	*a = dial(ntohs(addr.sin_port));
	*b = accept(l, NULL, NULL);
	close(l);
	return check(*a >= 0 && *b >= 0, "a connected pair");
}

static void check_timeouts(void)
{
	struct timeval tv = { 0, 200000 };
	uint64_t t0, waited, quick;
	char c;
	int fd = dial(ECHO_PORT), fl;
	bool ok = true;

	if (fd < 0)
		return;
	ok &= check(!setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)),
		    "set SO_RCVTIMEO");
	t0 = now_ms();
	ok &= check(recv(fd, &c, 1, 0) == -1 && errno == EAGAIN,
		    "recv after SO_RCVTIMEO: EAGAIN");
	waited = now_ms() - t0;
	ok &= check(waited >= 199 && waited < 2000, "SO_RCVTIMEO waits 200 ms");

	t0 = now_ms();
	fl = fcntl(fd, F_GETFL);
	ok &= check(!fcntl(fd, F_SETFL, fl | O_NONBLOCK) &&
			    (fcntl(fd, F_GETFL) & O_NONBLOCK),
		    "O_NONBLOCK");
	ok &= check(read(fd, &c, 1) == -1 && errno == EAGAIN,
		    "read, O_NONBLOCK: EAGAIN");
	ok &= check(!fcntl(fd, F_SETFL, fl) &&
			    !(fcntl(fd, F_GETFL) & O_NONBLOCK),
		    "O_NONBLOCK off");
	ok &= check(recv(fd, &c, 1, MSG_DONTWAIT) == -1 && errno == EAGAIN,
		    "recv MSG_DONTWAIT: EAGAIN");
	quick = now_ms() - t0;
	/* Well below the 200 ms a wait would take, with room for a busy host.
	 */
	ok &= check(quick < 190, "no wait with O_NONBLOCK or MSG_DONTWAIT");
	close(fd);
	printf("timeouts: SO_RCVTIMEO 200 ms -> EAGAIN after 200..2000 ms, "
	       "O_NONBLOCK and MSG_DONTWAIT -> EAGAIN at once: %s\n",
	       ok ? "yes" : "WRONG");
}

static int late_port;

static void dial_late(void *arg)
{
	(void)arg;
	thread_sleep_ns(50 * NSEC_PER_MSEC);
	close(dial(late_port));
}

static void check_readiness(void)
{
	struct pollfd p[2];
	struct timeval tv = { 2, 0 };
	struct sockaddr_in addr = loopback(0);
	socklen_t len = sizeof(addr);
	struct thread *t;
	uint64_t t0, waited;
	fd_set rd, wr;
	char buf[4];
	int fd = dial(ECHO_PORT), l, n, dead;
	bool ok = true;

	if (fd < 0)
		return;
	/* Nothing to read: poll times out, after the time asked. */
	p[0] = (struct pollfd){ .fd = fd, .events = POLLIN };
	t0 = now_ms();
	ok &= check(poll(p, 1, 100) == 0 && p[0].revents == 0,
		    "poll POLLIN times out");
	waited = now_ms() - t0;
	ok &= check(waited >= 99 && waited < 2000, "poll waits 100 ms");
	p[0].events = POLLOUT;
	ok &= check(poll(p, 1, 0) == 1 && p[0].revents == POLLOUT,
		    "POLLOUT at once");
	/* Data on its way back from the echo server. */
	send_all(fd, "ping", 4);
	p[0].events = POLLIN;
	ok &= check(poll(p, 1, 2000) == 1 && p[0].revents == POLLIN,
		    "POLLIN once the echo is back");
	ok &= check(recv_all(fd, buf, 4) && !memcmp(buf, "ping", 4), "ping");

	/* A socket and the console: the mixed path (slices). */
	p[0] = (struct pollfd){ .fd = fd, .events = POLLIN };
	p[1] = (struct pollfd){ .fd = 1, .events = POLLOUT };
	ok &= check(poll(p, 2, 1000) == 1 && p[0].revents == 0 &&
			    p[1].revents == POLLOUT,
		    "poll socket + stdout: stdout writable");
	p[1].events = 0; /* stdout asks nothing: only the echo can end it */
	send_all(fd, "pong", 4);
	ok &= check(poll(p, 2, 2000) == 1 && p[0].revents == POLLIN,
		    "poll socket + stdout: the socket readable");
	ok &= check(recv_all(fd, buf, 4), "pong");

	/* select: a listener becomes readable when a client connects. */
	l = socket(AF_INET, SOCK_STREAM, 0);
	ok &= check(!bind(l, (struct sockaddr *)&addr, len) && !listen(l, 1) &&
			    !getsockname(l, (struct sockaddr *)&addr, &len),
		    "listener");
	late_port = ntohs(addr.sin_port);
	t = thread_create("late", dial_late, NULL);
	FD_ZERO(&rd);
	FD_SET(l, &rd);
	FD_ZERO(&wr);
	FD_SET(fd, &wr);
	t0 = now_ms();
	n = select(l + 1, &rd, NULL, NULL, &tv);
	waited = now_ms() - t0;
	ok &= check(n == 1 && FD_ISSET(l, &rd) && waited >= 40,
		    "select: the listener readable once a client connects");
	n = accept(l, NULL, NULL);
	ok &= check(n >= 0, "accept after select");
	close(n);
	thread_join(t);
	ok &= check(select(fd + 1, NULL, &wr, NULL, NULL) == 1 &&
			    FD_ISSET(fd, &wr),
		    "select: writable");
	dead = l;
	close(l);
	FD_ZERO(&rd);
	FD_SET(dead, &rd);
	ok &= check(select(dead + 1, &rd, NULL, NULL, &tv) == -1 &&
			    errno == EBADF,
		    "select on a closed fd: EBADF");
	p[0] = (struct pollfd){ .fd = dead, .events = POLLIN };
	ok &= check(poll(p, 1, 0) == 1 && p[0].revents == POLLNVAL,
		    "poll on a closed fd: POLLNVAL");
	close(fd);
	printf("readiness: poll timeout, POLLOUT, POLLIN, mixed set, select "
	       "on accept and write, EBADF/POLLNVAL: %s\n",
	       ok ? "yes" : "WRONG");
}

struct reader {
	int fd;
	long got;
	int err;
	uint64_t at;
};

static void read_one(void *arg)
{
	struct reader *r = arg;
	char c;

	r->got = read(r->fd, &c, 1);
	r->err = errno;
	r->at = now_ms();
}

/* A thread blocked reading fd; returns when it returned (or 2 s). */
static bool blocked_reader(struct reader *r, int fd, int victim)
{
	struct thread *t;
	uint64_t t0;

	*r = (struct reader){ .fd = fd, .at = 0 };
	t = thread_create("reader", read_one, r);
	thread_sleep_ns(50 * NSEC_PER_MSEC);
	t0 = now_ms();
	if (!check(t && !r->at, "the reader blocks"))
		return false;
	close(victim);
	while (!r->at && now_ms() - t0 < 2000)
		thread_sleep_ns(NSEC_PER_MSEC);
	if (!check(r->at != 0, "the reader returns"))
		return false; /* it would hang: never join it */
	thread_join(t);
	return true;
}

static void check_closing(void)
{
	struct reader r;
	char buf[8] = "";
	int a, b;
	bool ok = true;

	/* The peer closes: the blocked read returns 0, end of file. */
	if (pair(&a, &b) && blocked_reader(&r, a, b))
		ok &= check(r.got == 0, "read returns 0 when the peer closes");
	close(a);
	/* Our own fd closed under a reader: it returns, with an error. */
	if (pair(&a, &b) && blocked_reader(&r, a, a))
		ok &= check(r.got == -1, "read fails once its fd is closed");
	printf("closing: peer closes -> read 0; fd closed under a reader -> "
	       "read -1 (%s): %s\n",
	       strerror(r.err), ok ? "yes" : "WRONG");
	close(b);

	/* Half close: what was sent arrives, then the end, and the other
	 * direction still works. */
	if (!pair(&a, &b))
		return;
	ok = send_all(a, "abc", 3) && !shutdown(a, SHUT_WR);
	ok &= check(recv_all(b, buf, 3) && !memcmp(buf, "abc", 3),
		    "data before the shutdown arrives");
	ok &= check(read(b, buf, 1) == 0, "then end of file");
	ok &= check(send_all(b, "xyz", 3) && recv_all(a, buf, 3) &&
			    !memcmp(buf, "xyz", 3),
		    "the other direction still works");
	ok &= check(send(a, "d", 1, 0) == -1, "send after SHUT_WR fails");
	printf("shutdown: SHUT_WR -> peer reads the data, then 0, and "
	       "answers; send after it -> -1 (%s): %s\n",
	       strerror(errno), ok ? "yes" : "WRONG");
	close(a);
	close(b);
}

void check_events(void)
{
	check_timeouts();
	check_readiness();
	check_closing();
}
