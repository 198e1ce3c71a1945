/*
 * fd.h - the C library's file descriptors (fd.c): one table of FD_MAX
 * slots, each open fd an ops table and the object it works on. The
 * console (0-2, io.c), channels (channel.c), disks (blk.c) and sockets
 * (lib/lwip/) sit on it; read, write, pread, pwrite, fsync, close,
 * fstat, lseek, poll and fcntl dispatch through it.
 */
#ifndef LIBC_FD_H
#define LIBC_FD_H

#include <stdbool.h>
#include <sys/types.h>

/* = FD_SETSIZE, which the Makefile sets for apps and this glue (newlib's
 * default is 64), so that select() can name every fd; fd.c checks that
 * the two agree. 128: a server and as many clients in one domain. */
#define FD_MAX 128

struct stat;
struct pollfd;

/* Each call returns what the POSIX call would, or -errno (fd.c sets
 * errno). A NULL entry is the answer POSIX gives for such a file. */
struct fd_ops {
	ssize_t (*read)(void *obj, void *buf, size_t n); /* NULL: EBADF */
	ssize_t (*write)(void *obj, const void *buf, size_t n); /* EBADF */
	/* NULL: close() returns 0 and the fd stays open (the console). */
	int (*close)(void *obj);
	int (*fstat)(void *obj, struct stat *st);
	off_t (*lseek)(void *obj, off_t off, int whence); /* NULL: ESPIPE */
	/* At an offset, leaving the file's own alone. NULL: ESPIPE. */
	ssize_t (*pread)(void *obj, void *buf, size_t n, off_t off);
	ssize_t (*pwrite)(void *obj, const void *buf, size_t n, off_t off);
	int (*fsync)(void *obj); /* NULL: EINVAL (nothing to sync) */
	/* Which of events (POLLIN, POLLOUT) would not block now, plus
	 * POLLERR/POLLHUP; never waits. NULL: not pollable (POLLNVAL). */
	int (*poll)(void *obj, int events);
	/* Optional: poll() itself for fds that all have these ops, waiting
	 * on their own events (objs[i] is fds[i]'s object). */
	int (*poll_many)(struct pollfd *fds, void *const *objs, unsigned int n,
			 int timeout_ms);
	int (*set_nonblock)(void *obj, bool on); /* NULL: EINVAL */
	bool tty;				 /* isatty() */
};

struct fd_slot {
	const struct fd_ops *ops; /* NULL: free */
	void *obj;
	bool nonblock; /* O_NONBLOCK, as fcntl(F_SETFL) left it */
};

/*
 * Opening takes two steps, so that an open which blocks (a channel's
 * handshake, accept) holds its fd number meanwhile and no other thread
 * gets the same one: fd_reserve, the open, then fd_install, or
 * fd_unreserve if the open failed.
 */
int fd_reserve(void); /* the lowest free fd, or -EMFILE */
void fd_install(int fd, const struct fd_ops *ops, void *obj);
void fd_unreserve(int fd);
/* The slot of an open fd; NULL for a free, reserved or invalid one. */
struct fd_slot *fd_lookup(int fd);
/* The slot of an open fd with these ops; NULL with *err = EBADF or, when
 * it has other ops, ENOTSOCK-like `other`. */
struct fd_slot *fd_lookup_ops(int fd, const struct fd_ops *ops, int other,
			      int *err);

#endif
