/*
 * netfront_cfg.h - reading what the toolstack wrote for a vif
 * (kernel/drivers/net/netfront_cfg.c, pure; tests/unit/test_nf_cfg.c):
 *
 *   device/vif/N/mac     "00:16:3e:00:00:01", from the cfg's mac= (libxl
 *                        makes one up without it)
 *   device/vif/N/mtu     "1500" (xl writes it; read-only for us)
 *   backend/vif/D/N/ip   the cfg's ip= as written, readable by us: libxl
 *                        hands it to the hotplug script and nobody else
 *
 * ip= is free text to xl. pvmini reads it as "ADDR", "ADDR/PREFIX",
 * "ADDR NETMASK" or "ADDR NETMASK GATEWAY" (blanks between words), each
 * address a dotted quad as inet_pton(AF_INET) takes it. ADDR alone gets
 * its class's netmask (/8, /16, /24), as ifconfig gives it. Anything
 * else is refused with why: a guest that guessed would answer on an
 * address nobody configured.
 */
#ifndef KERNEL_DRIVERS_NET_NETFRONT_CFG_H
#define KERNEL_DRIVERS_NET_NETFRONT_CFG_H

#include <pvmini/lib.h>
#include <pvmini/netdev.h>

/* "xx:xx:xx:xx:xx:xx", hex digits of either case; 0 or -1. */
int nf_parse_mac(const char *s, uint8_t mac[6]);
/* A dotted quad into *addr (network byte order); 0 or -1. len: the
 * characters of s to read (the word need not end in NUL). */
int nf_parse_ipv4(const char *s, size_t len, uint32_t *addr);
/* The ip= setting; 0, or -1 with *why saying what is wrong. */
int nf_parse_ip_setting(const char *s, struct netdev_ipv4 *out,
			const char **why);
/* The mtu node: 0 with *mtu set for 576..1500, -1 otherwise. */
int nf_parse_mtu(const char *s, unsigned int *mtu);

#endif
