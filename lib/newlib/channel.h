/* channel.h - xl's channels as file descriptors (channel.c). */
#ifndef LIBC_CHANNEL_H
#define LIBC_CHANNEL_H

/* Whether path names a channel ("/dev/channel/NAME", "/dev/console/N"). */
int chan_path(const char *path);
/* Connects it: an fd, or -1 with errno set, as open() would. */
int chan_open(const char *path);

#endif
