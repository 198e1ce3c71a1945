/*
 * socket.c - BSD sockets for newlib apps: each socket is an fd of the C
 * library's table (lib/newlib/fd.c) whose object is an lwIP socket; the
 * calls pass through to lwIP's lwip_* functions.
 *
 * This file sees lwIP's socket types (lwip/sockets.h); apps see pvmini's
 * own headers (lib/lwip/include, lib/newlib/include/poll.h) with the
 * same layouts and numbers, which abi_check.c verifies at build time, so
 * an app's struct sockaddr_in or SO_RCVTIMEO reaches lwIP as it is.
 *
 * lwIP sets errno itself (newlib's, in the calling thread's reent: it is
 * compiled against newlib's <errno.h>); a failing call here sets both of
 * newlib's copies from it (glue.h).
 */
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lwip/sockets.h"
/* The declarations apps see, checked against the definitions below. */
#include "../newlib/include/sys/_socket_calls.h"

#include "fd.h"
#include "glue.h"
#include "include/pvnet.h"

static const struct fd_ops socket_ops;

/*
 * An fd's object is the lwIP socket number, and this flag for a TCP
 * socket that socket() made and that has not connected since: lwIP would
 * block a recv on it for good (it waits on the receive mailbox), where
 * POSIX says ENOTCONN.
 */
#define UNCONNECTED ((intptr_t)1 << 32)

static void *obj(int s, intptr_t flags)
{
	return (void *)((intptr_t)s | flags);
}

static int sock(void *obj)
{
	return (int)((intptr_t)obj & 0xffffffff);
}

static bool unconnected(void *obj)
{
	return (intptr_t)obj & UNCONNECTED;
}

/* lwIP's errno after a failed call (EIO should it have left none). */
static int lwip_errno(void)
{
	int e = reent_errno();

	return e ? e : EIO;
}

/* For the fd ops: r, or -errno. */
static long neg(long r)
{
	return r < 0 ? -lwip_errno() : r;
}

/* For the calls: r, or -1 with errno set everywhere. */
static int ret(long r)
{
	return r < 0 ? glue_fail(lwip_errno()) : (int)r;
}

/* The lwIP socket behind fd, or -EBADF / -ENOTSOCK. */
static int sock_of(int fd)
{
	int err;
	struct fd_slot *f = fd_lookup_ops(fd, &socket_ops, ENOTSOCK, &err);

	return f ? sock(f->obj) : -err;
}

/* The same for a receive: -ENOTCONN where lwIP would block for good. */
static int receiver_of(int fd)
{
	int err;
	struct fd_slot *f = fd_lookup_ops(fd, &socket_ops, ENOTSOCK, &err);

	if (!f)
		return -err;
	return unconnected(f->obj) ? -ENOTCONN : sock(f->obj);
}

/* Runs call with s = the fd's lwIP socket, or fails as sock_of says. */
#define SOCK_CALL(fd, call)                                                    \
	({                                                                     \
		int s = sock_of(fd);                                           \
		s < 0 ? glue_fail(-s) : ret(call);                             \
	})

/* A new fd for what open() makes (an lwIP socket), reserved before it:
 * accept() blocks, and no other thread may take the fd meanwhile. */
static int new_fd(int (*open)(int, void *), int arg, void *p, intptr_t flags)
{
	int fd = fd_reserve(), s;

	if (fd < 0)
		return glue_fail(-fd);
	s = open(arg, p);
	if (s < 0) {
		fd_unreserve(fd);
		return ret(s);
	}
	fd_install(fd, &socket_ops, obj(s, flags));
	return fd;
}

struct socket_args {
	int type, protocol;
};

static int open_socket(int domain, void *p)
{
	struct socket_args *a = p;

	return lwip_socket(domain, a->type, a->protocol);
}

int socket(int domain, int type, int protocol)
{
	struct socket_args a = { type, protocol };
	int rc;

	/* lwIP takes any domain for IPv4; POSIX wants it refused. */
	if (domain != AF_INET)
		return glue_fail(EAFNOSUPPORT);
	rc = pvnet_start();
	if (rc)
		return glue_fail(rc);
	return new_fd(open_socket, domain, &a,
		      type == SOCK_STREAM ? UNCONNECTED : 0);
}

struct accept_args {
	struct sockaddr *addr;
	socklen_t *len;
};

static int open_accepted(int s, void *p)
{
	struct accept_args *a = p;

	return lwip_accept(s, a->addr, a->len);
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	struct accept_args a = { addr, len };
	int s = sock_of(fd);

	return s < 0 ? glue_fail(-s) : new_fd(open_accepted, s, &a, 0);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	int s = sock_of(fd), rc, e, err;
	struct fd_slot *f;

	if (s < 0)
		return glue_fail(-s);
	rc = lwip_connect(s, addr, len);
	e = reent_errno();
	/* Connected or on its way: a recv may wait now. (The fd is looked
	 * up again: connect blocked, another thread may have closed it.) */
	f = fd_lookup_ops(fd, &socket_ops, ENOTSOCK, &err);
	if (f && sock(f->obj) == s &&
	    (!rc || e == EINPROGRESS || e == EALREADY || e == EISCONN))
		f->obj = obj(s, 0);
	/* lwIP reports the RST that answers a SYN as a reset; to a
	 * connect() that is "connection refused". */
	if (rc < 0 && e == ECONNRESET)
		return glue_fail(ECONNREFUSED);
	return ret(rc);
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	return SOCK_CALL(fd, lwip_bind(s, addr, len));
}

int listen(int fd, int backlog)
{
	return SOCK_CALL(fd, lwip_listen(s, backlog));
}

int shutdown(int fd, int how)
{
	return SOCK_CALL(fd, lwip_shutdown(s, how));
}

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
	return SOCK_CALL(fd, lwip_getsockname(s, addr, len));
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{
	return SOCK_CALL(fd, lwip_getpeername(s, addr, len));
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	return SOCK_CALL(fd, lwip_setsockopt(s, level, name, val, len));
}

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
	int rc = SOCK_CALL(fd, lwip_getsockopt(s, level, name, val, len));

	/* lwIP answers its flag bit (SO_KEEPALIVE: 8); programs expect 1. */
	if (!rc && level == SOL_SOCKET && *len == sizeof(int) &&
	    (name == SO_KEEPALIVE || name == SO_REUSEADDR ||
	     name == SO_BROADCAST))
		*(int *)val = *(int *)val != 0;
	return rc;
}

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	return SOCK_CALL(fd, lwip_send(s, buf, n, flags));
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	int s = receiver_of(fd);

	return s < 0 ? glue_fail(-s) : ret(lwip_recv(s, buf, n, flags));
}

ssize_t sendto(int fd, const void *buf, size_t n, int flags,
	       const struct sockaddr *to, socklen_t len)
{
	return SOCK_CALL(fd, lwip_sendto(s, buf, n, flags, to, len));
}

ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *from,
		 socklen_t *len)
{
	int s = receiver_of(fd);

	return s < 0 ? glue_fail(-s)
		     : ret(lwip_recvfrom(s, buf, n, flags, from, len));
}

/* --- The socket as an fd: read, write, close, poll ... ------------------ */

static ssize_t sock_read(void *o, void *buf, size_t n)
{
	return unconnected(o) ? -ENOTCONN : neg(lwip_recv(sock(o), buf, n, 0));
}

static ssize_t sock_write(void *o, const void *buf, size_t n)
{
	return neg(lwip_send(sock(o), buf, n, 0));
}

/* With LWIP_NETCONN_FULLDUPLEX, threads blocked on the socket return
 * (with an error) and lwIP frees it after the last of them. */
static int sock_close(void *o)
{
	return neg(lwip_close(sock(o)));
}

static int sock_fstat(void *o, struct stat *st)
{
	(void)o;
	*st = (struct stat){ .st_mode = S_IFSOCK | 0777, .st_blksize = 1460 };
	return 0;
}

static int sock_poll(void *o, int events)
{
	struct pollfd p = { .fd = sock(o), .events = events };

	return lwip_poll(&p, 1, 0) < 0 ? POLLERR : p.revents;
}

/* All sockets: lwIP's own poll waits on the sockets' events. */
static int sock_poll_many(struct pollfd *fds, void *const *objs, unsigned int n,
			  int timeout_ms)
{
	struct pollfd mine[FD_MAX];
	int ready;

	for (unsigned int i = 0; i < n; i++)
		mine[i] = (struct pollfd){ .fd = sock(objs[i]),
					   .events = fds[i].events };
	ready = lwip_poll(mine, n, timeout_ms);
	if (ready < 0)
		return -lwip_errno();
	for (unsigned int i = 0; i < n; i++)
		fds[i].revents = mine[i].revents;
	return ready;
}

static int sock_set_nonblock(void *o, bool on)
{
	int arg = on;

	return neg(lwip_ioctl(sock(o), FIONBIO, &arg));
}

static const struct fd_ops socket_ops = {
	.read = sock_read,
	.write = sock_write,
	.close = sock_close,
	.fstat = sock_fstat,
	.poll = sock_poll,
	.poll_many = sock_poll_many,
	.set_nonblock = sock_set_nonblock,
};

int pvnet_tcp_listen(uint16_t port, int backlog)
{
	struct sockaddr_in a = { .sin_len = sizeof(a),
				 .sin_family = AF_INET,
				 .sin_port = lwip_htons(port),
				 .sin_addr.s_addr = PP_HTONL(INADDR_ANY) };
	int one = 1, fd, e;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	/* A restarted server binds at once, whatever of the old one lingers
	 * in TIME_WAIT. */
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, backlog)) {
		e = reent_errno();
		close(fd);
		return glue_fail(e);
	}
	return fd;
}
