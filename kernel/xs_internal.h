/*
 * xs_internal.h - between the xenstore client's files (kernel/xs_*.c,
 * kernel/xenstore.c, kernel/lifecycle.c). Not under include/: the kernel
 * link hides these names from applications.
 */
#ifndef XS_INTERNAL_H
#define XS_INTERNAL_H

#include <pvmini/xenstore.h>

/* kernel/xs_ring.c */
int xs_ring_connect(void);
/*
 * Sends one request and waits for its reply (or a timeout). On success
 * *reply is a kmalloc'd, NUL-terminated copy of the payload (the caller
 * frees it) and *len its length; the reply's type was `type`.
 */
int xs_request(uint32_t type, xs_tx_t tx, const struct xs_part *parts,
	       unsigned int n, char **reply, uint32_t *len);

/* kernel/xs_watch.c: takes a watch event's payload (kmalloc'd). */
void xs_watch_deliver(char *payload, uint32_t len);
int xs_watch_start(void);

#endif
