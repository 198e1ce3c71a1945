/*
 * sys/socket.h - BSD sockets for newlib apps (apps with APP_NET = y link
 * the calls: lwIP through lib/lwip/socket.c).
 *
 * The layouts and numbers are lwIP's, BSD-style: struct sockaddr starts
 * with a length byte (sa_len), then a one-byte family. Code that sets
 * sin_family and leaves the rest zeroed, as portable code does, needs no
 * change; sa_len may stay 0. lib/lwip/abi_check.c holds these values and
 * lwIP's to the same numbers at build time.
 */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <machine/_default_types.h>
#include <sys/types.h>

typedef __uint32_t socklen_t;
typedef __uint8_t sa_family_t;

struct sockaddr {
	__uint8_t sa_len;
	sa_family_t sa_family;
	char sa_data[14];
};

/* Room for any address this stack has (IPv4 only). */
struct sockaddr_storage {
	__uint8_t ss_len;
	sa_family_t ss_family;
	char __ss_pad[2];
	__uint32_t __ss_align[3];
};

struct linger {
	int l_onoff;
	int l_linger; /* seconds */
};

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3

#define AF_UNSPEC 0
#define AF_INET 2
#define PF_UNSPEC AF_UNSPEC
#define PF_INET AF_INET

#define SOL_SOCKET 0xfff
#define SO_DEBUG 0x0001
#define SO_ACCEPTCONN 0x0002
#define SO_REUSEADDR 0x0004
#define SO_KEEPALIVE 0x0008
#define SO_DONTROUTE 0x0010
#define SO_BROADCAST 0x0020
#define SO_LINGER 0x0080
#define SO_OOBINLINE 0x0100
#define SO_SNDBUF 0x1001
#define SO_RCVBUF 0x1002
#define SO_SNDLOWAT 0x1003
#define SO_RCVLOWAT 0x1004
#define SO_SNDTIMEO 0x1005 /* a struct timeval */
#define SO_RCVTIMEO 0x1006 /* a struct timeval */
#define SO_ERROR 0x1007
#define SO_TYPE 0x1008

#define MSG_PEEK 0x01
#define MSG_WAITALL 0x02
#define MSG_OOB 0x04
#define MSG_DONTWAIT 0x08
#define MSG_MORE 0x10
#define MSG_NOSIGNAL 0x20

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

/* listen()'s backlog is at most this (lwIP keeps it in a byte). */
#define SOMAXCONN 255

#include <sys/_socket_calls.h>

#endif
