/*
 * ethif.c - an Ethernet interface whose driver is two callbacks: lwIP
 * gives it frames to send (pvnet_send_fn), it gives lwIP the frames it
 * receives (pvnet_input). ARP, IPv4 and DHCP above it are lwIP's. A
 * netfront driver plugs in here (docs/net.md).
 *
 * Raw lwIP calls (netif_add, dhcp_start ...) made outside the tcpip
 * thread take the core lock (LWIP_TCPIP_CORE_LOCKING); so does a
 * received frame, which the driver's thread hands to the stack itself
 * (input_now).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/netif.h"
#include "lwip/tcpip.h"
#include "netif/ethernet.h"

#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "include/pvnet.h"
#include "loopif.h"

#define ETH_HEADER 14

struct pvnet_if {
	struct netif netif;
	uint8_t mac[ETH_HWADDR_LEN];
	unsigned int mtu;
	pvnet_send_fn send;
	void *drv;
	uint8_t *flat; /* a whole frame, for packets lwIP keeps in pieces */
	pvnet_status_fn on_status;
	void *status_arg;
};

/* Woken at every address change of any interface (pvnet_wait_ipv4). */
static struct wait_queue addr_changed = WAIT_QUEUE_INIT;

/* Core locked (the tcpip thread, or a vif's receive thread with a DHCP
 * answer): an address came, went or changed. */
static void status_changed(struct netif *netif)
{
	struct pvnet_if *nif = netif->state;

	if (nif->on_status)
		nif->on_status(nif->status_arg,
			       ip4_addr_get_u32(netif_ip4_addr(netif)),
			       ip4_addr_get_u32(netif_ip4_netmask(netif)),
			       ip4_addr_get_u32(netif_ip4_gw(netif)));
	wake_all(&addr_changed);
}

/* lwIP builds a frame as a chain of pbufs (headers, then data); the
 * driver gets it in one piece. */
static err_t link_output(struct netif *netif, struct pbuf *p)
{
	struct pvnet_if *nif = netif->state;
	const void *frame = p->payload;

	if (p->next) {
		if (p->tot_len > nif->mtu + ETH_HEADER)
			return ERR_BUF;
		pbuf_copy_partial(p, nif->flat, p->tot_len, 0);
		frame = nif->flat;
	}
	return nif->send(nif->drv, frame, p->tot_len) ? ERR_IF : ERR_OK;
}

/* A packet to our own address goes back up at once, not onto the wire. */
static err_t ether_output(struct netif *netif, struct pbuf *p,
			  const ip4_addr_t *next)
{
	if (ip4_addr_cmp(next, netif_ip4_addr(netif)))
		return loopif_deliver(p);
	return etharp_output(netif, p, next);
}

/*
 * A received frame goes through the stack at once, in the driver's
 * thread, under the core lock - not as a message to the tcpip thread
 * (tcpip_input), which cost a mailbox post, a wake-up and two thread
 * switches a frame. 100 MB from dom0 into the guest took 2.2 to 2.6 s
 * of the guest's CPU instead of 4.7 to 6.4 s (docs/net.md, "Benchmark").
 * What the frame provokes (an ACK, a reader woken) happens here too.
 * lo keeps the mailbox (loopif.c says why); so does a frame to our own
 * address, which ether_output loops back as a message of its own.
 */
static err_t input_now(struct pbuf *p, struct netif *netif)
{
	err_t err;

	LOCK_TCPIP_CORE();
	err = ethernet_input(p, netif);
	UNLOCK_TCPIP_CORE();
	return err;
}

/* netif_add clears the netif, then calls this to fill it in. */
static err_t ether_init(struct netif *netif)
{
	struct pvnet_if *nif = netif->state;

	netif->mtu = nif->mtu;
	memcpy(netif->hwaddr, nif->mac, ETH_HWADDR_LEN);
	netif->name[0] = 'e';
	netif->name[1] = 'n';
	netif->output = ether_output;
	netif->linkoutput = link_output;
	netif->hwaddr_len = ETH_HWADDR_LEN;
	netif->flags =
		NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	netif_set_status_callback(netif, status_changed);
	return ERR_OK;
}

struct pvnet_if *pvnet_add_ether(const uint8_t mac[6], unsigned int mtu,
				 pvnet_send_fn send, void *drv)
{
	struct pvnet_if *nif;
	struct netif *added;

	if (pvnet_start() || !send || mtu < 576 || mtu > 9000)
		return NULL;
	nif = calloc(1, sizeof(*nif));
	if (!nif)
		return NULL;
	nif->flat = malloc(mtu + ETH_HEADER);
	if (!nif->flat) {
		free(nif);
		return NULL;
	}
	nif->send = send;
	nif->drv = drv;
	nif->mtu = mtu;
	memcpy(nif->mac, mac, ETH_HWADDR_LEN);
	LOCK_TCPIP_CORE();
	added = netif_add(&nif->netif, NULL, NULL, NULL, nif, ether_init,
			  input_now);
	if (added)
		netif_set_up(added);
	UNLOCK_TCPIP_CORE();
	if (!added) {
		free(nif->flat);
		free(nif);
	}
	return added ? nif : NULL;
}

void pvnet_link(struct pvnet_if *nif, bool up)
{
	LOCK_TCPIP_CORE();
	if (up)
		netif_set_link_up(&nif->netif);
	else
		netif_set_link_down(&nif->netif);
	UNLOCK_TCPIP_CORE();
}

int pvnet_set_ipv4(struct pvnet_if *nif, uint32_t addr, uint32_t mask,
		   uint32_t gw)
{
	ip4_addr_t a = { addr }, m = { mask }, g = { gw };

	LOCK_TCPIP_CORE();
	netif_set_addr(&nif->netif, &a, &m, &g);
	if (gw && !netif_default)
		netif_set_default(&nif->netif);
	UNLOCK_TCPIP_CORE();
	return 0;
}

int pvnet_dhcp_start(struct pvnet_if *nif)
{
	err_t err;

	LOCK_TCPIP_CORE();
	err = dhcp_start(&nif->netif);
	if (err == ERR_OK && !netif_default)
		netif_set_default(&nif->netif);
	UNLOCK_TCPIP_CORE();
	return err == ERR_OK ? 0 : ENOMEM;
}

uint32_t pvnet_ipv4(struct pvnet_if *nif)
{
	return ip4_addr_get_u32(netif_ip4_addr(&nif->netif));
}

void pvnet_set_status_fn(struct pvnet_if *nif, pvnet_status_fn fn, void *arg)
{
	LOCK_TCPIP_CORE();
	nif->on_status = fn;
	nif->status_arg = arg;
	UNLOCK_TCPIP_CORE();
}

int pvnet_wait_ipv4(struct pvnet_if *nif, uint64_t deadline_ns)
{
	struct deadline d = { 0 };
	uint64_t now = monotonic_ns();

	if (deadline_ns > now)
		deadline_start(&d, &addr_changed, deadline_ns - now);
	else
		d.passed = true;
	wait_event(addr_changed, pvnet_ipv4(nif) || d.passed);
	deadline_stop(&d);
	return pvnet_ipv4(nif) ? 0 : ETIMEDOUT;
}

void pvnet_remove(struct pvnet_if *nif)
{
	LOCK_TCPIP_CORE();
	dhcp_stop(&nif->netif);
	netif_set_link_down(&nif->netif);
	netif_remove(&nif->netif); /* no send callback after this */
	UNLOCK_TCPIP_CORE();
	wake_all(&addr_changed);
	free(nif->flat);
	free(nif);
}

int pvnet_input(struct pvnet_if *nif, const void *frame, size_t len)
{
	struct pbuf *p;

	if (len < ETH_HEADER || len > nif->mtu + ETH_HEADER)
		return EINVAL;
	p = pbuf_alloc(PBUF_RAW, len, PBUF_POOL);
	if (!p)
		return ENOMEM;
	pbuf_take(p, frame, len);
	/* lwIP's rule: an input function that fails leaves p to us */
	if (nif->netif.input(p, &nif->netif) != ERR_OK) {
		pbuf_free(p);
		return ENOBUFS;
	}
	return 0;
}
