/*
 * nftest - the vif driver (kernel/drivers/net/netfront*.c) through its
 * native API, <pvmini/netdev.h>, against dom0's real netback on xenbr0:
 *   - the vif list, mac, mtu and ip= setting; the grants a vif holds
 *     while open (rings + buffers) all come back at close, and again
 *     after a reopen (the xenbus reset path with netback);
 *   - raw Ethernet: an ARP request sent, dom0's answer received;
 *   - per-frame costs: 20000 frames of 1514 bytes sent, and as many
 *     UDP datagrams dom0 blasts at it received (netpeer blast), with
 *     the events and notifies each took; the cost of checksumming one
 *     full TCP segment in software (docs/net.md, "Checksums");
 *   - the suspend hooks (a cancelled suspend): a send meanwhile is
 *     dropped (-XEN_EAGAIN), and the vif works again after;
 *   - a hostile backend (hostile.c): each rule broken stops the vif
 *     with a message, and the close still gives every grant back;
 *   - the toolstack removing the vif under us (what libxl does when a
 *     frontend is slower than its detach timeout): both directories
 *     gone, the vif is down, and closing it still frees everything.
 * Prints "nftest: FAIL ..." on any surprise, "nftest: N failure(s)".
 */
#include <pvmini/gnttab.h>
#include <pvmini/page_alloc.h>
#include "kernel/xenbus/xenbus_pm.h"
#include "nftest.h"

int failures;
unsigned int free_closed;

static const uint8_t our_ip[4] = { 192, 0, 2, 41 },
		     dom0_ip[4] = { 192, 0, 2, 1 };

struct netdev *open_vif(void)
{
	struct netdev *nd = NULL;
	int rc = netdev_open(0, &nd);

	EXPECT(rc == 0, "netdev_open: %d", rc);
	return rc ? NULL : nd;
}

void close_vif(struct netdev *nd, const char *after)
{
	int rc = netdev_close(nd);

	EXPECT(rc == 0, "close after %s: %d", after, rc);
	EXPECT(gnttab_free() == free_closed,
	       "after %s: %u grant refs free, %u before the open", after,
	       gnttab_free(), free_closed);
}

int arp_dom0(struct netdev *nd, uint8_t mac[6])
{
	uint8_t f[60] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, r[1600];
	uint64_t until = monotonic_ns() + 5 * NSEC_PER_SEC;
	long n;
	int rc;

	netdev_mac(nd, f + 6);
	f[12] = 0x08, f[13] = 0x06;	    /* ARP */
	f[15] = 1, f[16] = 0x08, f[18] = 6; /* Ethernet, IPv4, 6 */
	f[19] = 4, f[21] = 1;		    /* 4, request */
	memcpy(f + 22, f + 6, 6);	    /* sender: us */
	memcpy(f + 28, our_ip, 4);
	memcpy(f + 38, dom0_ip, 4); /* who has dom0's? */
	rc = netdev_send(nd, f, sizeof(f));
	if (rc)
		return rc;
	while ((n = netdev_recv(nd, r, sizeof(r), until)) >= 0)
		if (n >= 42 && r[12] == 0x08 && r[13] == 0x06 && r[21] == 2 &&
		    !memcmp(r + 28, dom0_ip, 4)) {
			memcpy(mac, r + 22, 6);
			return 0;
		}
	return (int)n;
}

static void basics(void)
{
	unsigned int ids[4];
	struct netdev_ipv4 ip;
	struct netdev_stats s;
	struct netdev *nd;
	uint8_t mac[6], dom0[6];
	int n = netdev_list(ids, 4), rc;

	EXPECT(n == 1 && ids[0] == 0, "netdev_list: %d", n);
	EXPECT(netdev_open(7, &nd) == -XEN_ENOENT, "vif 7 is none");
	nd = open_vif();
	if (!nd)
		return;
	EXPECT(netdev_open(0, &nd) == -XEN_EBUSY, "a second open");
	netdev_mac(nd, mac);
	rc = netdev_ipv4_setting(nd, &ip);
	printk("nftest: vif %u: mac %02x:%02x:%02x:%02x:%02x:%02x, mtu %u, "
	       "ip= %u.%u.%u.%u netmask %u.%u.%u.%u (%d)\n",
	       netdev_id(nd), mac[0], mac[1], mac[2], mac[3], mac[4], mac[5],
	       netdev_mtu(nd), ip.addr & 0xff, ip.addr >> 8 & 0xff,
	       ip.addr >> 16 & 0xff, ip.addr >> 24, ip.netmask & 0xff,
	       ip.netmask >> 8 & 0xff, ip.netmask >> 16 & 0xff,
	       ip.netmask >> 24, rc);
	netdev_get_stats(nd, &s);
	printk("nftest: open: %lu grants held (%u refs free, %u with no vif "
	       "open), %lu RX requests posted\n",
	       s.grants, gnttab_free(), free_closed, s.rx_posted);
	EXPECT(free_closed - gnttab_free() == s.grants, "grants counted");
	EXPECT(netdev_send(nd, mac, 13) == -XEN_EINVAL, "a 13-byte frame");
	rc = arp_dom0(nd, dom0);
	EXPECT(rc == 0, "ARP: %d", rc);
	if (!rc)
		printk("nftest: ARP: 192.0.2.1 is at "
		       "%02x:%02x:%02x:%02x:%02x:%02x\n",
		       dom0[0], dom0[1], dom0[2], dom0[3], dom0[4], dom0[5]);
	close_vif(nd, "the first life");
	nd = open_vif(); /* a reopen: Closed -> Initialising, netback too */
	if (!nd)
		return;
	rc = arp_dom0(nd, dom0);
	EXPECT(rc == 0, "ARP after the reopen: %d", rc);
	close_vif(nd, "the second life");
	printk("nftest: reopened: ARP answered again; every grant back at "
	       "each close\n");
}

static void tx_cost(struct netdev *nd)
{
	static uint8_t f[1514] = { 0x02, 0, 0, 0, 0, 1 }; /* nobody's */
	struct netdev_stats a, b;
	uint64_t t0, ns;
	int bad = 0;

	netdev_mac(nd, f + 6);
	f[12] = 0x88, f[13] = 0xb5; /* local experimental */
	netdev_get_stats(nd, &a);
	t0 = monotonic_ns();
	for (int i = 0; i < 20000; i++)
		bad += netdev_send(nd, f, sizeof(f)) != 0;
	ns = monotonic_ns() - t0;
	netdev_get_stats(nd, &b);
	EXPECT(bad == 0, "%d sends failed", bad);
	printk("nftest: tx: 20000 frames of 1514 bytes in %lu ms: %lu ns a "
	       "frame (%lu MB/s); %lu notifies, %lu events, %lu waits for a "
	       "buffer\n",
	       ns / NSEC_PER_MSEC, ns / 20000, 30280000UL * 1000 / ns,
	       b.notifies - a.notifies, b.events - a.events,
	       b.tx_waits - a.tx_waits);
}

struct rx_count {
	unsigned long frames;
	uint64_t first, last;
	uint64_t busy; /* in netdev_poll calls that handed frames */
};

static void count_frame(void *arg, const void *f __unused, size_t len,
			unsigned int flags __unused)
{
	struct rx_count *c = arg;

	if (len < 1000)
		return;
	c->last = monotonic_ns();
	if (!c->frames++)
		c->first = c->last;
}

static void rx_cost(struct netdev *nd)
{
	struct rx_count c = { 0 };
	struct netdev_stats a, b;
	uint64_t ns;

	netdev_get_stats(nd, &a);
	printk("nftest: ready for frames\n");
	/* Until 20000 came, or 2 s passed without one (after the first). */
	while (c.frames < 20000) {
		uint64_t quiet = (c.frames ? c.last : monotonic_ns()) +
				 (c.frames ? 2 : 20) * NSEC_PER_SEC;

		uint64_t t0 = monotonic_ns();

		if (netdev_poll(nd, count_frame, &c, 64) > 0) {
			c.busy += monotonic_ns() - t0;
			continue;
		}
		if (netdev_wait(nd, quiet))
			break;
	}
	netdev_get_stats(nd, &b);
	ns = c.last - c.first;
	EXPECT(c.frames > 1000, "only %lu frames came", c.frames);
	/* The wall time is dom0's pace; the busy time is the guest's. */
	printk("nftest: rx: %lu frames of 1514 bytes in %lu ms (as fast as "
	       "dom0 sent them): %lu ns a frame in netdev_poll; %lu events, "
	       "%lu notifies\n",
	       c.frames, ns / NSEC_PER_MSEC, c.frames ? c.busy / c.frames : 0,
	       b.events - a.events, b.notifies - a.notifies);
}

/* A 16-bit ones'-complement sum, as lwIP's LWIP_CHKSUM_ALGORITHM 2. */
static uint16_t csum(const uint8_t *p, size_t n)
{
	uint32_t acc = 0;

	for (; n > 1; n -= 2, p += 2)
		acc += (uint32_t)p[0] << 8 | p[1];
	if (n)
		acc += (uint32_t)p[0] << 8;
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return (uint16_t)~acc;
}

static void csum_cost(void)
{
	static uint8_t seg[1460];
	volatile uint16_t sink = 0;
	uint64_t t0 = monotonic_ns(), ns;

	for (size_t i = 0; i < sizeof(seg); i++)
		seg[i] = (uint8_t)(i * 13);
	for (int i = 0; i < 10000; i++)
		sink = (uint16_t)(sink + csum(seg, sizeof(seg)));
	ns = (monotonic_ns() - t0) / 10000;
	printk("nftest: checksum: %lu ns to verify a full TCP segment (1460 "
	       "bytes) in software\n",
	       ns);
}

static void suspend_hooks(void)
{
	struct netdev *nd = open_vif();
	static const uint8_t f[60] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct netdev_stats s;
	const char *who = NULL;
	uint8_t mac[6];
	int rc;

	if (!nd)
		return;
	rc = xenbus_suspend_all(&who);
	EXPECT(rc == 0, "suspend refused by %s: %d", who ? who : "?", rc);
	rc = netdev_send(nd, f, sizeof(f));
	EXPECT(rc == -XEN_EAGAIN, "a send while suspended: %d", rc);
	xenbus_resume_all(true);
	rc = arp_dom0(nd, mac);
	EXPECT(rc == 0, "ARP after the cancelled suspend: %d", rc);
	netdev_get_stats(nd, &s);
	printk("nftest: suspend (cancelled): the send meanwhile dropped "
	       "(%lu), ARP answered after\n",
	       s.tx_dropped);
	close_vif(nd, "the suspend");
}

/* dom0 removes both directories of vif 0 (tests/boot/nftest-xl.t). */
static void removed_under_us(void)
{
	struct netdev *nd = open_vif();
	int rc;

	if (!nd)
		return;
	printk("nftest: dom0, remove vif 0\n");
	/* Frames may still come (dom0's own chatter) until it is gone. */
	while ((rc = netdev_wait(nd, monotonic_ns() + 20 * NSEC_PER_SEC)) == 0)
		netdev_poll(nd, count_frame, &(struct rx_count){ 0 }, 64);
	EXPECT(rc == -XEN_ENOTCONN, "wait while removed: %d", rc);
	/* Our own directory goes too: closing cannot say Closing. */
	for (int i = 0; i < 100 && netdev_list(NULL, 0) > 0; i++)
		thread_sleep_ns(50 * NSEC_PER_MSEC);
	close_vif(nd, "the removal");
	printk("nftest: removed under us: the vif went down, the close freed "
	       "everything\n");
}

int main(void)
{
	void *page = alloc_pages(0);
	int ref = page ? gnttab_grant_access(0, page, true) : -1;
	struct netdev *nd;

	/* The grant table is set up on first use: count from there. */
	EXPECT(ref > 0 && gnttab_end_access((grant_ref_t)ref) == 0, "grant");
	free_pages(page, 0);
	free_closed = gnttab_free();
	basics();
	nd = open_vif();
	if (nd) {
		tx_cost(nd);
		rx_cost(nd);
		close_vif(nd, "the costs");
	}
	csum_cost();
	suspend_hooks();
	hostile_backend();
	removed_under_us();
	printk("nftest: %d failure(s)\n", failures);
	return failures ? 1 : 0;
}
