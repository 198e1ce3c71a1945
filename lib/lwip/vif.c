/*
 * vif.c - lwIP on the domain's vifs (<pvmini/netdev.h>, docs/net.md).
 *
 * When the stack starts, every vif in xenstore is opened and becomes an
 * Ethernet interface (ethif.c): its address comes from the vif's ip=
 * setting, or from DHCP when there is none; a malformed ip= leaves it
 * without one (netfront said why) rather than guessing. Each vif has a
 * receive thread: it sleeps in netdev_wait, hands the waiting frames to
 * lwIP (pvnet_input copies each into a pbuf and takes it through the
 * stack under its core lock) and yields, so that the tcpip thread and
 * the readers run between batches. lwIP sends through netdev_send from
 * whichever thread holds its core lock.
 *
 * A thread follows device/vif: a vif attached at run time (xl
 * network-attach) joins; one whose backend closes it (xl network-detach)
 * is noticed by its receive thread, which takes it out of lwIP first
 * (no send after that) and then closes the vif.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <pvmini/netdev.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/xenstore.h>

#include "include/pvnet.h"
#include "vif.h"

#define RX_BATCH 64

struct vif {
	unsigned int id;
	struct netdev *nd;
	struct pvnet_if *nif;
	char mac[18];
	bool dhcp, reported;
	bool can_address; /* not a malformed ip= */
	unsigned long csum_blank;
	struct vif *next;
};

static struct vif *vifs;
/* Vifs whose backend closed them: not opened again while they are still
 * listed (the toolstack removes their directories a moment later); an
 * id that was gone from the list may come back (network-attach). */
static unsigned int closed_ids[16], nclosed;
static struct mutex vifs_lock = MUTEX_INIT;
static unsigned int count;

static const char *xen_error(int rc)
{
	return xs_error_name(rc);
}

static void fmt_ip(char *buf, size_t n, uint32_t a)
{
	const uint8_t *b = (const uint8_t *)&a;

	snprintf(buf, n, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
}

static int prefix(uint32_t mask)
{
	int n = 0;

	for (; mask; mask &= mask - 1)
		n++;
	return n;
}

/* lwIP's send for this interface: any thread holding the core lock. */
static int send_frame(void *drv, const void *frame, size_t len)
{
	struct vif *v = drv;

	return netdev_send(v->nd, frame, len) ? -1 : 0;
}

static void deliver(void *arg, const void *frame, size_t len,
		    unsigned int flags)
{
	struct vif *v = arg;

	/* feature-no-csum-offload: netback fills every checksum in. */
	if (flags & NETDEV_RX_CSUM_BLANK)
		v->csum_blank++;
	pvnet_input(v->nif, frame, len);
}

/* Stack locked (the tcpip thread, or the receive thread that took the
 * answer in): DHCP's answer (or its loss). */
static void on_status(void *arg, uint32_t a, uint32_t m, uint32_t g)
{
	struct vif *v = arg;
	char as[16], gs[16];

	if (!v->dhcp || !a || v->reported)
		return;
	v->reported = true;
	fmt_ip(as, sizeof(as), a);
	fmt_ip(gs, sizeof(gs), g);
	printf("net: vif %u: DHCP gave %s/%d, router %s\n", v->id, as,
	       prefix(m), g ? gs : "none");
}

static void detach(struct vif *v, int why)
{
	struct vif **pp;

	printf("net: vif %u: %s; taken out of the stack\n", v->id,
	       why == -XEN_ENOTCONN ? "its backend closed it" : xen_error(why));
	pvnet_remove(v->nif);
	mutex_lock(&vifs_lock);
	for (pp = &vifs; *pp && *pp != v; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = v->next;
	count--;
	if (nclosed < 16)
		closed_ids[nclosed++] = v->id;
	mutex_unlock(&vifs_lock);
	netdev_close(v->nd);
	free(v);
}

static void rx_thread(void *arg)
{
	struct vif *v = arg;
	int rc;

	for (;;) {
		rc = netdev_poll(v->nd, deliver, v, RX_BATCH);
		if (rc > 0) {
			thread_yield(); /* let lwIP and the readers run */
			continue;
		}
		if (rc == 0)
			rc = netdev_wait(v->nd, 0);
		if (rc < 0)
			break;
	}
	detach(v, rc);
}

static void configure(struct vif *v)
{
	struct netdev_ipv4 ip;
	char as[16], gs[16];
	int rc = netdev_ipv4_setting(v->nd, &ip);

	if (rc == 0) {
		fmt_ip(as, sizeof(as), ip.addr);
		fmt_ip(gs, sizeof(gs), ip.gateway);
		pvnet_set_ipv4(v->nif, ip.addr, ip.netmask, ip.gateway);
		printf("net: vif %u (%s, mtu %u): %s/%d%s%s, from ip= in the "
		       "cfg\n",
		       v->id, v->mac, netdev_mtu(v->nd), as, prefix(ip.netmask),
		       ip.gateway ? ", gateway " : "", ip.gateway ? gs : "");
	} else if (rc == -XEN_ENOENT) {
		v->dhcp = true;
		pvnet_set_status_fn(v->nif, on_status, v);
		printf("net: vif %u (%s, mtu %u): no ip= in the cfg: asking "
		       "DHCP\n",
		       v->id, v->mac, netdev_mtu(v->nd));
		if (pvnet_dhcp_start(v->nif))
			printf("net: vif %u: DHCP did not start\n", v->id);
	} else {
		v->can_address = false;
		printf("net: vif %u (%s): its ip= is malformed (said above): "
		       "it gets no address and serves nothing\n",
		       v->id, v->mac);
		return;
	}
	pvnet_link(v->nif, true);
}

static bool attached(unsigned int id)
{
	for (struct vif *v = vifs; v; v = v->next)
		if (v->id == id)
			return true;
	return false;
}

static void attach(unsigned int id)
{
	struct vif *v = calloc(1, sizeof(*v)), **pp;
	struct thread *rx;
	uint8_t mac[6];
	int rc;

	if (!v)
		return;
	v->id = id;
	v->can_address = true;
	rc = netdev_open(id, &v->nd);
	if (rc) {
		printf("net: vif %u: cannot open it: %s\n", id, xen_error(rc));
		free(v);
		return;
	}
	netdev_mac(v->nd, mac);
	snprintf(v->mac, sizeof(v->mac), "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	v->nif = pvnet_add_ether(mac, netdev_mtu(v->nd), send_frame, v);
	if (!v->nif) {
		printf("net: vif %u: no memory for its interface\n", id);
		netdev_close(v->nd);
		free(v);
		return;
	}
	configure(v);
	mutex_lock(&vifs_lock);
	for (pp = &vifs; *pp; pp = &(*pp)->next) /* in the order opened */
		;
	*pp = v;
	count++;
	mutex_unlock(&vifs_lock);
	rx = thread_create("vif-rx", rx_thread, v);
	if (rx)
		thread_detach(rx); /* it ends with the vif */
	else
		printf("net: vif %u: no thread to receive\n", id);
}

static bool listed(unsigned int id, const unsigned int *ids, int n)
{
	for (int i = 0; i < n && i < 16; i++)
		if (ids[i] == id)
			return true;
	return false;
}

static void attach_new(void)
{
	unsigned int ids[16];
	int n = netdev_list(ids, 16);

	mutex_lock(&vifs_lock);
	for (unsigned int i = 0; i < nclosed;)
		if (listed(closed_ids[i], ids, n))
			i++;
		else
			closed_ids[i] = closed_ids[--nclosed];
	mutex_unlock(&vifs_lock);
	for (int i = 0; i < n && i < 16; i++)
		if (!attached(ids[i]) && !listed(ids[i], closed_ids, nclosed))
			attach(ids[i]);
}

/* Follows device/vif: xl network-attach while the domain runs. */
static void watch_thread(void *arg __unused)
{
	unsigned long gen = 1;

	for (;;) {
		if (netdev_wait_change(&gen, 0))
			return;
		attach_new();
	}
}

/* At xl shutdown, after the app's own hooks: each vif's counters. */
static void print_stats(unsigned int reason __unused, void *data __unused)
{
	for (struct vif *v = vifs; v; v = v->next) {
		struct netdev_stats s;

		netdev_get_stats(v->nd, &s);
		printf("net: vif %u: rx %lu frames (%lu bytes), tx %lu frames "
		       "(%lu bytes); %lu events, %lu notifies; %lu tx waits, "
		       "%lu tx dropped, %lu rx / %lu tx errors; %lu grants\n",
		       v->id, s.rx_frames, s.rx_bytes, s.tx_frames, s.tx_bytes,
		       s.events, s.notifies, s.tx_waits, s.tx_dropped,
		       s.rx_errors + s.rx_runts, s.tx_errors, s.grants);
		if (v->csum_blank)
			printf("net: vif %u: %lu frames came checksum-blank "
			       "although we asked for none\n",
			       v->id, v->csum_blank);
	}
}

static struct shutdown_hook stats_hook = { .fn = print_stats };

void pvnet_vifs_start(void)
{
	unsigned long gen = 0;
	int n;

	n = netdev_list(NULL, 0);
	if (n < 0) /* no xenstore: a dom0, say */
		return;
	if (n == 0)
		printf("net: no vif in the domain's cfg: only 127.0.0.1\n");
	attach_new();
	shutdown_hook_register(&stats_hook);
	/* The first change is the watch's own first event. */
	if (netdev_wait_change(&gen, monotonic_ns() + NSEC_PER_SEC) == 0)
		thread_detach(thread_create("vif-watch", watch_thread, NULL));
}

unsigned int pvnet_vif_count(void)
{
	return count;
}

unsigned int pvnet_wait_vifs(unsigned int ms)
{
	uint64_t deadline = monotonic_ns() + (uint64_t)ms * NSEC_PER_MSEC;
	unsigned int have = 0;

	/* Held while waiting: no vif is freed under us (a detach waits). */
	mutex_lock(&vifs_lock);
	for (struct vif *v = vifs; v; v = v->next)
		if (v->can_address && !pvnet_wait_ipv4(v->nif, deadline))
			have++;
	mutex_unlock(&vifs_lock);
	return have;
}
