/*
 * pvnet.h - pvmini's TCP/IP stack (lwIP) as an app with APP_NET = y sees
 * it beyond the socket calls: starting it, and network interfaces.
 *
 * The stack starts by itself at the first socket(): a tcpip thread and
 * the loopback interface (127.0.0.1). An Ethernet driver (a netfront)
 * adds an interface with pvnet_add_ether, giving the function that sends
 * a frame, and hands each received frame to pvnet_input. Addresses are
 * IPv4 in network byte order (a struct in_addr's s_addr). Calls return 0
 * or a positive errno.
 */
#ifndef PVNET_H
#define PVNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Starts the stack once; later calls return at once. */
int pvnet_start(void);

struct pvnet_if;

/* Sends one Ethernet frame (destination MAC first, no FCS); 0 if it
 * went out. Runs in lwIP's threads, must not block for long. */
typedef int (*pvnet_send_fn)(void *drv, const void *frame, size_t len);

/* A new Ethernet interface, link down and no address yet; NULL when
 * memory is short. mtu: the largest IP packet (1500 on Ethernet). */
struct pvnet_if *pvnet_add_ether(const uint8_t mac[6], unsigned int mtu,
				 pvnet_send_fn send, void *drv);
/* The link (cable, backend) is up or down. */
void pvnet_link(struct pvnet_if *nif, bool up);
/* A static address; the first interface given a gateway is the default
 * route. */
int pvnet_set_ipv4(struct pvnet_if *nif, uint32_t addr, uint32_t mask,
		   uint32_t gw);
/* Asks DHCP for an address (pvnet_ipv4 says when one came). */
int pvnet_dhcp_start(struct pvnet_if *nif);
/* The interface's address, 0 while it has none. */
uint32_t pvnet_ipv4(struct pvnet_if *nif);
/* Waits until the interface has an address (DHCP answered) or the
 * monotonic clock reaches deadline_ns: 0 or ETIMEDOUT. */
int pvnet_wait_ipv4(struct pvnet_if *nif, uint64_t deadline_ns);
/* fn(arg, addr, mask, gw) runs whenever the interface's address
 * changes, in the tcpip thread with the stack locked: it must not call
 * into the stack. */
typedef void (*pvnet_status_fn)(void *arg, uint32_t addr, uint32_t mask,
				uint32_t gw);
void pvnet_set_status_fn(struct pvnet_if *nif, pvnet_status_fn fn, void *arg);
/* Takes the interface out of the stack and frees it: the send function
 * is not called again once this returns. */
void pvnet_remove(struct pvnet_if *nif);

/*
 * The vifs of the domain (<pvmini/netdev.h>, lib/lwip/vif.c). The stack
 * runs on every one from its start: each gets the address of its ip=
 * setting, or asks DHCP without one; a malformed ip= leaves it without
 * address (said on the console). Vifs attached or detached at run time
 * (xl network-attach / network-detach) join and leave by themselves.
 */
/* A TCP socket listening on port on every address, SO_REUSEADDR set:
 * its fd, or -1 with errno set. */
int pvnet_tcp_listen(uint16_t port, int backlog);

/* Vifs the stack runs on now. */
unsigned int pvnet_vif_count(void);
/* Waits until every vif that can have an address has one, at most ms;
 * returns how many have one (0: nothing to serve on). */
unsigned int pvnet_wait_vifs(unsigned int ms);
/* The address of the first interface added, other than loopback, that
 * is up and has one (what a server tells its clients to use); 0 if
 * none has (yet). Starts the stack if need be. */
uint32_t pvnet_host_ipv4(void);
/* pvnet_host_ipv4, waiting for it at most ms; 0 if none came. */
uint32_t pvnet_wait_host_ipv4(unsigned int ms);
/*
 * A received frame, copied into the stack and taken through it at once
 * in the calling thread, under the stack's lock: call it from a thread
 * that does not hold that lock, never from an event handler (the
 * stack's memory is the heap's). ENOMEM when the frame had to be
 * dropped.
 */
int pvnet_input(struct pvnet_if *nif, const void *frame, size_t len);

#endif
