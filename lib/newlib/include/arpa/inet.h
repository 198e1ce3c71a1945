/* arpa/inet.h - IPv4 addresses as text (lib/newlib/inet.c). */
#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <netinet/in.h>
#include <sys/cdefs.h>

__BEGIN_DECLS
/* "a.b.c.d" (and the shorter forms a.b.c, a.b, a; octal, hex) to an
 * address in network order; INADDR_NONE if it is not one. */
in_addr_t inet_addr(const char *s);
/* The same; 1 on success, 0 if it is not an address. */
int inet_aton(const char *s, struct in_addr *out);
/* "a.b.c.d", in a buffer the next call overwrites. */
char *inet_ntoa(struct in_addr in);
/* AF_INET only: strict dotted decimal, four parts. */
int inet_pton(int af, const char *src, void *dst);
const char *inet_ntop(int af, const void *src, char *dst, socklen_t size);
__END_DECLS

#endif
