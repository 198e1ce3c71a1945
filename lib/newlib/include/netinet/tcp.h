/* netinet/tcp.h - setsockopt(fd, IPPROTO_TCP, ...) options (lwIP's). */
#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

#define TCP_NODELAY 0x01   /* send at once, no Nagle coalescing */
#define TCP_KEEPALIVE 0x02 /* idle time before probes, ms */
#define TCP_KEEPIDLE 0x03  /* the same, seconds */
#define TCP_KEEPINTVL 0x04 /* between probes, seconds */
#define TCP_KEEPCNT 0x05   /* probes before the connection is dropped */

#endif
