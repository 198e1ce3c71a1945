/* blk.h - disks as file descriptors (blk.c). */
#ifndef LIBC_BLK_H
#define LIBC_BLK_H

/* Whether path names a disk: "/dev/" and a name without '/'. */
int blk_path(const char *path);
/* Connects it: an fd, or -1 with errno set, as open() would. */
int blk_open(const char *path, int flags);

#endif
