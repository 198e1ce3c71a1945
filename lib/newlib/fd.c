/*
 * fd.c - the file descriptor table.
 *
 * Threads are cooperative: nothing here blocks, so a lookup, a reserve or
 * an install is atomic against other threads. An open that blocks holds a
 * reserved slot meanwhile (fd_reserve), so two threads opening at once
 * never get the same fd. Slots 0-2 are the console (tty.c) from the start.
 */
#include <errno.h>
#include <sys/select.h>

#include "fd.h"
#include "tty.h"

_Static_assert(
	FD_SETSIZE == FD_MAX,
	"select() must name every fd: see LIBC_CPPFLAGS in the Makefile");

/* A reserved slot: taken, but not open yet (every call gives EBADF). */
static const struct fd_ops reserved;

static struct fd_slot table[FD_MAX] = {
	[0] = { .ops = &tty_in_ops },
	[1] = { .ops = &tty_out_ops },
	[2] = { .ops = &tty_out_ops },
};

int fd_reserve(void)
{
	int fd;

	for (fd = 0; fd < FD_MAX; fd++)
		if (!table[fd].ops) {
			table[fd] = (struct fd_slot){ .ops = &reserved };
			return fd;
		}
	return -EMFILE;
}

void fd_install(int fd, const struct fd_ops *ops, void *obj)
{
	table[fd] = (struct fd_slot){ .ops = ops, .obj = obj };
}

void fd_unreserve(int fd)
{
	table[fd] = (struct fd_slot){ .ops = NULL };
}

struct fd_slot *fd_lookup(int fd)
{
	if (fd < 0 || fd >= FD_MAX || !table[fd].ops ||
	    table[fd].ops == &reserved)
		return NULL;
	return &table[fd];
}

struct fd_slot *fd_lookup_ops(int fd, const struct fd_ops *ops, int other,
			      int *err)
{
	struct fd_slot *slot = fd_lookup(fd);

	if (slot && slot->ops == ops)
		return slot;
	*err = slot ? other : EBADF;
	return NULL;
}
