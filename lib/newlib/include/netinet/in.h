/*
 * netinet/in.h - IPv4 addresses for sockets (see <sys/socket.h> for the
 * BSD-style layout; lwIP's numbers).
 */
#ifndef _NETINET_IN_H
#define _NETINET_IN_H

#include <sys/socket.h>

typedef __uint16_t in_port_t;
typedef __uint32_t in_addr_t;

struct in_addr {
	in_addr_t s_addr; /* network byte order */
};

struct sockaddr_in {
	__uint8_t sin_len;
	sa_family_t sin_family;
	in_port_t sin_port; /* network byte order */
	struct in_addr sin_addr;
	char sin_zero[8];
};

#define IPPROTO_IP 0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_RAW 255

/* Host byte order, as everywhere: htonl(INADDR_LOOPBACK). */
#define INADDR_ANY ((in_addr_t)0x00000000)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001)
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#define INADDR_NONE ((in_addr_t)0xffffffff)

#define INET_ADDRSTRLEN 16

/* setsockopt(fd, IPPROTO_IP, ...) */
#define IP_TOS 1
#define IP_TTL 2

/* x86 is little-endian: network order is the other one. */
static inline __uint32_t htonl(__uint32_t x)
{
	return __builtin_bswap32(x);
}

static inline __uint16_t htons(__uint16_t x)
{
	return __builtin_bswap16(x);
}

static inline __uint32_t ntohl(__uint32_t x)
{
	return __builtin_bswap32(x);
}

static inline __uint16_t ntohs(__uint16_t x)
{
	return __builtin_bswap16(x);
}

#endif
