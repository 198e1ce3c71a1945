/*
 * netif_addr.c - the address an app announces (pvnet_host_ipv4): that of
 * the first interface added, other than loopback, that has one. lwIP
 * keeps its list newest first, so "first" is the lowest netif number.
 */
#include "lwip/netif.h"
#include "lwip/tcpip.h"

#include "include/pvnet.h"

uint32_t pvnet_host_ipv4(void)
{
	struct netif *n, *first = NULL;
	uint32_t addr = 0;

	if (pvnet_start())
		return 0;
	LOCK_TCPIP_CORE();
	NETIF_FOREACH(n)
	{
		const ip4_addr_t *a = netif_ip4_addr(n);

		if (netif_is_up(n) && !ip4_addr_isany(a) &&
		    !ip4_addr_isloopback(a) && (!first || n->num < first->num))
			first = n;
	}
	if (first)
		addr = ip4_addr_get_u32(netif_ip4_addr(first));
	UNLOCK_TCPIP_CORE();
	return addr;
}
