/*
 * loopif.c - the loopback interface (lo, 127.0.0.1/8), pvmini's own
 * rather than lwIP's (LWIP_HAVE_LOOPIF, LWIP_NETIF_LOOPBACK are off).
 *
 * lwIP's delivers looped packets in one loop (netif_poll) that runs until
 * its queue is empty, and what a packet provokes is queued behind it.
 * Two TCP ends whose receive windows are both full answer each other's
 * ACKs at once (lwIP ACKs any segment outside a zero window), so that
 * loop never ends; with cooperative threads, the readers that would
 * open the windows never run again. Here each looped packet is a message
 * of its own to the tcpip thread, which yields between messages
 * (sys_mbox.c): the readers run, the windows open, the ACKs stop.
 */
#include "lwip/ip.h"
#include "lwip/netif.h"
#include "lwip/tcpip.h"

#include "loopif.h"

static struct netif lo;

err_t loopif_deliver(struct pbuf *p)
{
	/* The sender keeps p (TCP, to retransmit it): deliver a copy. */
	struct pbuf *copy = pbuf_clone(PBUF_RAW, PBUF_RAM, p);

	if (!copy)
		return ERR_MEM;
	if (lo.input(copy, &lo) != ERR_OK) { /* tcpip's mailbox is full */
		pbuf_free(copy);
		return ERR_MEM;
	}
	return ERR_OK;
}

static err_t lo_output(struct netif *netif, struct pbuf *p,
		       const ip4_addr_t *next)
{
	(void)netif;
	(void)next;
	return loopif_deliver(p);
}

static err_t lo_init(struct netif *netif)
{
	netif->name[0] = 'l';
	netif->name[1] = 'o';
	netif->output = lo_output;
	netif->mtu = 0; /* no fragmenting: TCP segments of TCP_MSS */
	/* Nothing between sender and receiver can corrupt a packet. */
	NETIF_SET_CHECKSUM_CTRL(netif, NETIF_CHECKSUM_DISABLE_ALL);
	return ERR_OK;
}

void loopif_add(void)
{
	ip4_addr_t addr, mask;

	IP4_ADDR(&addr, 127, 0, 0, 1);
	IP4_ADDR(&mask, 255, 0, 0, 0);
	netif_add(&lo, &addr, &mask, IP4_ADDR_ANY4, NULL, lo_init, tcpip_input);
	netif_set_link_up(&lo);
	netif_set_up(&lo);
}
