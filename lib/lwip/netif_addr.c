/*
 * netif_addr.c - the address an app announces (pvnet_host_ipv4): that of
 * the first interface added, other than loopback, that has one. lwIP
 * keeps its list newest first, so "first" is the lowest netif number.
 */
#include <pvmini/thread.h>
#include <pvmini/time.h>

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

/* An address arrives from its vif's ip= or from DHCP: look again every
 * 100 ms. */
uint32_t pvnet_wait_host_ipv4(unsigned int ms)
{
	uint64_t end = monotonic_ns() + (uint64_t)ms * NSEC_PER_MSEC;
	uint32_t addr;

	while (!(addr = pvnet_host_ipv4()) && monotonic_ns() < end)
		thread_sleep_ns(100 * NSEC_PER_MSEC);
	return addr;
}
