/*
 * glue.h - shared by the system-call layer under newlib (lib/newlib/).
 *
 * errno has two homes in newlib. Its own calls reach the plain POSIX
 * names (write, sbrk ...) through reentrant wrappers (_write_r ...) that
 * clear a global int `errno`, call us, and copy that global into the
 * caller's reent on failure. An app calling open() or clock_gettime()
 * itself reads the errno macro, i.e. the reent's copy, directly. A failing
 * call sets both. The numbers are newlib's <errno.h>, not Xen's.
 */
#ifndef LIBC_GLUE_H
#define LIBC_GLUE_H

#include <errno.h>

/* Before the #undef: the errno macro is *__errno(), the reent's copy. */
static inline void set_reent_errno(int e)
{
	errno = e;
}

/* What a library compiled against newlib's headers (lwIP) left in the
 * calling thread's errno. */
static inline int reent_errno(void)
{
	return errno;
}

#undef errno
extern int errno;

/* Fails a call: errno = e, returns -1. */
static inline int glue_fail(int e)
{
	errno = e;
	set_reent_errno(e);
	return -1;
}

/* A kernel call's negative Xen errno as newlib's errno (xen_errno.c):
 * Xen's numbers are Linux's, and newlib numbers some differently. */
int glue_errno(long xen_err);

/* The console behind file descriptors 0, 1 and 2. */
static inline int is_console_fd(int fd)
{
	return fd >= 0 && fd <= 2;
}

#endif
