/*
 * abi_check.c - pvmini's socket headers for apps (lib/newlib/include) and
 * lwIP's (lwip/sockets.h) must agree on every layout and number, since
 * lib/lwip/socket.c passes an app's structs and constants to lwIP as they
 * are. The Makefile compiles this file twice, once with each set of
 * headers (-DABI_LWIP: lwIP's), and each compile holds them to the same
 * numbers below: a difference on either side fails the build here,
 * naming the value.
 */
#include <stddef.h>

#ifdef ABI_LWIP
#include "lwip/sockets.h"
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#endif

#define SAME(what, value)                                                      \
	_Static_assert((what) == (value), #what " is not " #value)

SAME(sizeof(socklen_t), 4);
SAME(sizeof(sa_family_t), 1);
SAME(sizeof(struct sockaddr), 16);
SAME(offsetof(struct sockaddr, sa_family), 1);
SAME(offsetof(struct sockaddr, sa_data), 2);
SAME(sizeof(struct sockaddr_in), 16);
SAME(offsetof(struct sockaddr_in, sin_family), 1);
SAME(offsetof(struct sockaddr_in, sin_port), 2);
SAME(offsetof(struct sockaddr_in, sin_addr), 4);
SAME(sizeof(struct in_addr), 4);
SAME(sizeof(in_port_t), 2);
SAME(sizeof(struct sockaddr_storage), 16);
SAME(_Alignof(struct sockaddr_storage), 4);
SAME(sizeof(struct linger), 8);
SAME(offsetof(struct linger, l_linger), 4);
SAME(sizeof(struct timeval), 16); /* SO_RCVTIMEO, SO_SNDTIMEO */
SAME(sizeof(struct pollfd), 8);
SAME(offsetof(struct pollfd, events), 4);
SAME(offsetof(struct pollfd, revents), 6);
SAME(sizeof(nfds_t), 4);

SAME(AF_UNSPEC, 0);
SAME(AF_INET, 2);
SAME(PF_INET, 2);
SAME(SOCK_STREAM, 1);
SAME(SOCK_DGRAM, 2);
SAME(SOCK_RAW, 3);
SAME(IPPROTO_IP, 0);
SAME(IPPROTO_ICMP, 1);
SAME(IPPROTO_TCP, 6);
SAME(IPPROTO_UDP, 17);
SAME(IPPROTO_RAW, 255);
SAME(INADDR_ANY, 0);
SAME(INADDR_LOOPBACK, 0x7f000001);
SAME(INADDR_BROADCAST, 0xffffffff);
SAME(INADDR_NONE, 0xffffffff);
SAME(SOL_SOCKET, 0xfff);
SAME(SO_DEBUG, 0x0001);
SAME(SO_ACCEPTCONN, 0x0002);
SAME(SO_REUSEADDR, 0x0004);
SAME(SO_KEEPALIVE, 0x0008);
SAME(SO_DONTROUTE, 0x0010);
SAME(SO_BROADCAST, 0x0020);
SAME(SO_LINGER, 0x0080);
SAME(SO_OOBINLINE, 0x0100);
SAME(SO_SNDBUF, 0x1001);
SAME(SO_RCVBUF, 0x1002);
SAME(SO_SNDLOWAT, 0x1003);
SAME(SO_RCVLOWAT, 0x1004);
SAME(SO_SNDTIMEO, 0x1005);
SAME(SO_RCVTIMEO, 0x1006);
SAME(SO_ERROR, 0x1007);
SAME(SO_TYPE, 0x1008);
SAME(IP_TOS, 1);
SAME(IP_TTL, 2);
SAME(TCP_NODELAY, 0x01);
SAME(TCP_KEEPALIVE, 0x02);
SAME(TCP_KEEPIDLE, 0x03);
SAME(TCP_KEEPINTVL, 0x04);
SAME(TCP_KEEPCNT, 0x05);
SAME(MSG_PEEK, 0x01);
SAME(MSG_WAITALL, 0x02);
SAME(MSG_OOB, 0x04);
SAME(MSG_DONTWAIT, 0x08);
SAME(MSG_MORE, 0x10);
SAME(MSG_NOSIGNAL, 0x20);
SAME(SHUT_RD, 0);
SAME(SHUT_WR, 1);
SAME(SHUT_RDWR, 2);
SAME(POLLIN, 0x1);
SAME(POLLOUT, 0x2);
SAME(POLLERR, 0x4);
SAME(POLLNVAL, 0x8);
SAME(POLLRDNORM, 0x10);
SAME(POLLRDBAND, 0x20);
SAME(POLLPRI, 0x40);
SAME(POLLWRNORM, 0x80);
SAME(POLLWRBAND, 0x100);
SAME(POLLHUP, 0x200);
SAME(INET_ADDRSTRLEN, 16);
