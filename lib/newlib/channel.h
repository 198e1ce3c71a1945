/* channel.h - xl's channels as file descriptors (channel.c). */
#ifndef LIBC_CHANNEL_H
#define LIBC_CHANNEL_H

#include <stddef.h>

/* Whether path names a channel ("/dev/channel/NAME", "/dev/console/N"). */
int chan_path(const char *path);
/* Each returns what the POSIX call would, errno set on failure. */
int chan_open(const char *path);
int chan_is_fd(int fd);
int chan_read(int fd, void *buf, size_t n);
int chan_write(int fd, const void *buf, size_t n);
int chan_close(int fd);

#endif
