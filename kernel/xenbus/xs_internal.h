/*
 * xs_internal.h - between the xenstore client's files (xs_*.c,
 * xenstore.c, lifecycle.c in kernel/xenbus/). Not under include/: the
 * kernel link hides these names from applications.
 */
#ifndef XS_INTERNAL_H
#define XS_INTERNAL_H

#include <pvmini/xenstore.h>
#include "kernel/xenbus/xs_wire.h"

/* Boot step: connects if start_info names a store (not as dom0). */
void xenstore_init(void);
/* kernel/xenbus/lifecycle.c: the control/shutdown watch. */
void lifecycle_init(void);

/* kernel/xenbus/xs_ring.c */
int xs_ring_connect(void);
/*
 * Sends one request and waits for its reply (or a timeout). On success
 * *reply is a kmalloc'd, NUL-terminated copy of the payload (the caller
 * frees it) and *len its length; the reply's type was `type`.
 */
int xs_request(uint32_t type, xs_tx_t tx, const struct xs_part *parts,
	       unsigned int n, char **reply, uint32_t *len);

/* kernel/xenbus/xs_watch.c: takes a watch event's payload (kmalloc'd). */
void xs_watch_deliver(char *payload, uint32_t len);
int xs_watch_start(void);

#endif
