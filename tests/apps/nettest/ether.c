/*
 * ether.c - the interface a network driver plugs into (pvnet.h), with a
 * make-believe driver: frames lwIP sends are kept here, and frames from a
 * make-believe peer (10.0.0.2) are handed in. An app's UDP packet to the
 * peer must go out as an ARP request first, then, once the ARP reply is
 * in, as an IPv4/UDP frame to the peer's MAC; the peer's UDP reply must
 * reach the socket, and its ping must be answered.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvnet.h>

#include "nettest.h"

#define FRAMES 16
#define ETH 14
#define IP 20

static struct {
	uint8_t frame[FRAMES][1514];
	size_t len[FRAMES];
	int n;
} out;

static const uint8_t us[6] = { 2, 0, 0, 0, 0, 1 };
static const uint8_t peer[6] = { 2, 0, 0, 0, 0, 2 };
static const uint8_t us_ip[4] = { 10, 0, 0, 1 }, peer_ip[4] = { 10, 0, 0, 2 };

static int keep(void *drv, const void *frame, size_t len)
{
	(void)drv;
	if (out.n == FRAMES || len > sizeof(out.frame[0]))
		return -1;
	memcpy(out.frame[out.n], frame, len);
	out.len[out.n++] = len;
	return 0;
}

static uint16_t be16(const uint8_t *p)
{
	return p[0] << 8 | p[1];
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

/* The first frame sent since `from` that is of type and passes test;
 * waits up to 3 s for it. */
static const uint8_t *sent(int *from, uint16_t type,
			   bool (*test)(const uint8_t *f))
{
	uint64_t t0 = now_ms();

	do {
		for (; *from < out.n; ++*from) {
			const uint8_t *f = out.frame[*from];

			if (be16(f + 12) == type && test(f))
				return f;
		}
		thread_sleep_ns(NSEC_PER_MSEC);
	} while (now_ms() - t0 < 3000);
	return NULL;
}

static bool arp_for_peer(const uint8_t *f)
{
	return be16(f + ETH + 6) == 1 && !memcmp(f + ETH + 24, peer_ip, 4);
}

static bool udp_to_peer(const uint8_t *f)
{
	return f[ETH + 9] == IPPROTO_UDP && !memcmp(f + ETH + 16, peer_ip, 4);
}

static bool ping_reply(const uint8_t *f)
{
	return f[ETH + 9] == IPPROTO_ICMP && f[ETH + IP] == 0;
}

static uint16_t ip_sum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i < n; i += 2)
		s += be16(p + i);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return ~s;
}

/* An Ethernet + IPv4 header from the peer to us; returns the frame's
 * length. */
static size_t ip_frame(uint8_t *f, uint8_t proto, size_t payload)
{
	memcpy(f, us, 6);
	memcpy(f + 6, peer, 6);
	put16(f + 12, 0x0800);
	memset(f + ETH, 0, IP);
	f[ETH] = 0x45;
	put16(f + ETH + 2, IP + payload);
	f[ETH + 8] = 64;
	f[ETH + 9] = proto;
	memcpy(f + ETH + 12, peer_ip, 4);
	memcpy(f + ETH + 16, us_ip, 4);
	put16(f + ETH + 10, ip_sum(f + ETH, IP));
	return ETH + IP + payload;
}

static bool arp_reply(struct pvnet_if *nif)
{
	uint8_t f[ETH + 28];

	memcpy(f, us, 6);
	memcpy(f + 6, peer, 6);
	put16(f + 12, 0x0806);
	put16(f + ETH, 1);	    /* Ethernet */
	put16(f + ETH + 2, 0x0800); /* IPv4 */
	f[ETH + 4] = 6;
	f[ETH + 5] = 4;
	put16(f + ETH + 6, 2); /* reply */
	memcpy(f + ETH + 8, peer, 6);
	memcpy(f + ETH + 14, peer_ip, 4);
	memcpy(f + ETH + 18, us, 6);
	memcpy(f + ETH + 24, us_ip, 4);
	return !pvnet_input(nif, f, sizeof(f));
}

void check_ether(void)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(7) };
	struct timeval patience = { 3, 0 };
	struct sockaddr_in me, from;
	socklen_t mlen = sizeof(me), flen = sizeof(from);
	struct pvnet_if *nif = pvnet_add_ether(us, 1500, keep, NULL);
	const uint8_t *f;
	uint8_t in[ETH + IP + 64], *l4 = in + ETH + IP;
	char buf[16];
	int u, at = 0;
	bool ok = true;

	if (!check(nif != NULL, "pvnet_add_ether"))
		return;
	memcpy(&to.sin_addr, peer_ip, 4);
	memcpy(&me.sin_addr, us_ip, 4);
	/* The address a server announces: not loopback's, and this one's
	 * only once it has one. */
	ok &= check(pvnet_host_ipv4() == 0, "pvnet_host_ipv4 with no address");
	pvnet_set_ipv4(nif, me.sin_addr.s_addr, htonl(0xffffff00), 0);
	pvnet_link(nif, true);
	ok &= check(pvnet_host_ipv4() == me.sin_addr.s_addr,
		    "pvnet_host_ipv4 is the interface's address");
	u = socket(AF_INET, SOCK_DGRAM, 0);
	/* Should a frame go astray, fail rather than wait for good. */
	setsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof(patience));
	ok &= check(sendto(u, "ping", 4, 0, (struct sockaddr *)&to,
			   sizeof(to)) == 4,
		    "sendto 10.0.0.2");
	f = sent(&at, 0x0806, arp_for_peer);
	ok &= check(f && !memcmp(f, "\xff\xff\xff\xff\xff\xff", 6) &&
			    !memcmp(f + 6, us, 6) &&
			    !memcmp(f + ETH + 14, us_ip, 4),
		    "an ARP request for 10.0.0.2, broadcast, from us");
	ok &= check(arp_reply(nif), "the ARP reply taken");
	f = sent(&at, 0x0800, udp_to_peer);
	ok &= check(f && !memcmp(f, peer, 6) && be16(f + ETH + IP + 2) == 7 &&
			    !memcmp(f + ETH + IP + 8, "ping", 4),
		    "then the UDP packet, to the peer's MAC");

	/* The peer answers from port 7 to our port (UDP checksum 0: none). */
	ok &= check(!getsockname(u, (struct sockaddr *)&me, &mlen), "port");
	memset(l4, 0, 8);
	put16(l4, 7);
	memcpy(l4 + 2, &me.sin_port, 2);
	put16(l4 + 4, 8 + 4);
	memcpy(l4 + 8, "pong", 4);
	ok &= check(!pvnet_input(nif, in, ip_frame(in, IPPROTO_UDP, 12)),
		    "the UDP reply taken");
	ok &= check(recvfrom(u, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			     &flen) == 4 &&
			    !memcmp(buf, "pong", 4) &&
			    !memcmp(&from.sin_addr, peer_ip, 4),
		    "recvfrom gets the peer's reply");

	/* A ping from the peer gets its echo reply. */
	memset(l4, 0, 16);
	l4[0] = 8; /* echo request */
	put16(l4 + 4, 0x1234);
	put16(l4 + 6, 1);
	memcpy(l4 + 8, "pvminiok", 8);
	put16(l4 + 2, ip_sum(l4, 16));
	ok &= check(!pvnet_input(nif, in, ip_frame(in, IPPROTO_ICMP, 16)),
		    "the ping taken");
	f = sent(&at, 0x0800, ping_reply);
	ok &= check(f && !memcmp(f, peer, 6) &&
			    be16(f + ETH + IP + 4) == 0x1234 &&
			    !memcmp(f + ETH + IP + 8, "pvminiok", 8),
		    "the echo reply, to the peer");
	close(u);
	printf("ether: ARP request, UDP out after the ARP reply, UDP in, ping "
	       "answered (%d frames sent): %s\n",
	       out.n, ok ? "yes" : "WRONG");
}
