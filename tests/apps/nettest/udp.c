/*
 * udp.c - datagrams over 127.0.0.1: sendto/recvfrom with the sender's
 * address, a reply to it, datagram boundaries kept, and connect + send.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "nettest.h"

#define UDP_PORT 5000

void check_udp(void)
{
	struct sockaddr_in a = loopback(UDP_PORT), from, mine;
	socklen_t flen = sizeof(from), mlen = sizeof(mine);
	uint8_t big[1400], got[1500];
	char buf[32];
	int srv = socket(AF_INET, SOCK_DGRAM, 0);
	int cli = socket(AF_INET, SOCK_DGRAM, 0);
	ssize_t n;
	bool ok = true;

	if (!check(srv >= 0 && cli >= 0, "UDP sockets"))
		return;
	ok &= check(!bind(srv, (struct sockaddr *)&a, sizeof(a)), "bind 5000");
	ok &= check(sendto(cli, "hello udp", 9, 0, (struct sockaddr *)&a,
			   sizeof(a)) == 9,
		    "sendto");
	n = recvfrom(srv, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	ok &= check(n == 9 && !memcmp(buf, "hello udp", 9), "recvfrom");
	ok &= check(!getsockname(cli, (struct sockaddr *)&mine, &mlen) &&
			    from.sin_port == mine.sin_port &&
			    from.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
		    "recvfrom names the sender");
	/* The reply goes back to the address recvfrom gave. */
	ok &= check(
		sendto(srv, "reply", 5, 0, (struct sockaddr *)&from, flen) == 5,
		"sendto the sender");
	ok &= check(recv(cli, buf, sizeof(buf), 0) == 5 &&
			    !memcmp(buf, "reply", 5),
		    "the reply");
	/* Two datagrams stay two, each whole. */
	fill(big, sizeof(big), 77, 0);
	ok &= check(!connect(cli, (struct sockaddr *)&a, sizeof(a)) &&
			    send(cli, big, sizeof(big), 0) == sizeof(big) &&
			    send(cli, "x", 1, 0) == 1,
		    "connect and send");
	ok &= check(recv(srv, got, sizeof(got), 0) == sizeof(big) &&
			    !memcmp(got, big, sizeof(big)),
		    "a 1400-byte datagram, whole");
	ok &= check(recv(srv, got, sizeof(got), 0) == 1 && got[0] == 'x',
		    "then the 1-byte one");
	close(srv);
	close(cli);
	printf("udp: sendto/recvfrom with the sender's address, reply, "
	       "boundaries kept, connect+send: %s\n",
	       ok ? "yes" : "WRONG");
}
