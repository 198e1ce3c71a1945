/*
 * poll.c - poll() and select() over the fd table.
 *
 * When every fd polled has the same kind with its own waiting
 * (fd_ops.poll_many: sockets, which wait on lwIP's events), poll hands the
 * whole set to it. A mixed set (a socket and stdin, say) is checked, then
 * checked again every POLL_SLICE_MS while nothing is ready: each kind
 * wakes a different way and none can wake the others, so such a poll
 * sleeps in slices, never spins, and notices a change within a slice.
 */
#include <limits.h>
#include <poll.h>
#include <sys/select.h>

#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "fd.h"
#include "glue.h"

#define POLL_SLICE_MS 10

/* Each fd's readiness now; returns how many have some. */
static int scan(struct pollfd *fds, nfds_t n)
{
	int ready = 0;

	for (nfds_t i = 0; i < n; i++) {
		struct fd_slot *f = fd_lookup(fds[i].fd);
		int asked = fds[i].events | POLLERR | POLLHUP;

		if (fds[i].fd < 0) /* POSIX: ignored */
			fds[i].revents = 0;
		else if (!f || !f->ops->poll)
			fds[i].revents = POLLNVAL;
		else
			fds[i].revents = f->ops->poll(f->obj, asked) & asked;
		ready += fds[i].revents != 0;
	}
	return ready;
}

/* The ops all fds share, if they have poll_many; their objects in objs. */
static const struct fd_ops *one_kind(struct pollfd *fds, nfds_t n, void **objs)
{
	const struct fd_ops *ops = NULL;

	for (nfds_t i = 0; i < n; i++) {
		struct fd_slot *f = fd_lookup(fds[i].fd);

		if (!f || !f->ops->poll_many || (ops && f->ops != ops))
			return NULL;
		ops = f->ops;
		objs[i] = f->obj;
	}
	return ops;
}

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	uint64_t deadline = monotonic_ns() + (uint64_t)timeout * NSEC_PER_MSEC;
	void *objs[FD_MAX];
	const struct fd_ops *ops;
	int ready;

	if (n > FD_MAX)
		return glue_fail(EINVAL);
	ops = n ? one_kind(fds, n, objs) : NULL;
	if (ops) {
		ready = ops->poll_many(fds, objs, n, timeout);
		return ready < 0 ? glue_fail(-ready) : ready;
	}
	for (;;) {
		uint64_t now = monotonic_ns(), slice;

		ready = scan(fds, n);
		if (ready || !timeout || (timeout > 0 && now >= deadline))
			return ready;
		slice = POLL_SLICE_MS * NSEC_PER_MSEC;
		if (timeout > 0 && deadline - now < slice)
			slice = deadline - now;
		thread_sleep_ns(slice);
	}
}

/* select() is poll() on the fds of its three sets. */
int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	struct pollfd fds[FD_MAX];
	int n = 0, ready = 0, timeout = -1;

	if (nfds < 0 || nfds > FD_SETSIZE || nfds > FD_MAX ||
	    (tv && (tv->tv_sec < 0 || tv->tv_usec < 0)))
		return glue_fail(EINVAL);
	/* Rounded up: never return before the time asked. (Beyond 24 days
	 * it waits for good.) */
	if (tv && tv->tv_sec < INT_MAX / 1000 - 1)
		timeout = tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000;
	for (int fd = 0; fd < nfds; fd++) {
		short ev = (rd && FD_ISSET(fd, rd) ? POLLIN : 0) |
			   (wr && FD_ISSET(fd, wr) ? POLLOUT : 0) |
			   (ex && FD_ISSET(fd, ex) ? POLLPRI : 0);

		if (ev)
			fds[n++] = (struct pollfd){ .fd = fd, .events = ev };
	}
	if (poll(fds, n, timeout) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (fds[i].revents & POLLNVAL)
			return glue_fail(EBADF);
	for (int i = 0; i < n; i++) {
		int fd = fds[i].fd;
		short re = fds[i].revents;
		/* An error or hang-up makes a read (and a write) return at
		 * once: such an fd is ready, as on other systems. */
		bool r = re & (POLLIN | POLLERR | POLLHUP);
		bool w = re & (POLLOUT | POLLERR | POLLHUP);
		bool x = re & POLLPRI;

		if (rd && FD_ISSET(fd, rd) && !r)
			FD_CLR(fd, rd);
		if (wr && FD_ISSET(fd, wr) && !w)
			FD_CLR(fd, wr);
		if (ex && FD_ISSET(fd, ex) && !x)
			FD_CLR(fd, ex);
		ready += (rd && FD_ISSET(fd, rd)) + (wr && FD_ISSET(fd, wr)) +
			 (ex && FD_ISSET(fd, ex));
	}
	return ready;
}
