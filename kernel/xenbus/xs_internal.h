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
/*
 * The suspend sequence (kernel/suspend.c, above this layer) registers
 * fn: it is called in the xswatch thread, once per "suspend" request,
 * and must not block there. control/feature-suspend is written now.
 */
void lifecycle_set_suspend_handler(void (*fn)(void));

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

/*
 * Suspend and resume (kernel/xenbus/xs_gate.c, docs/suspend.md).
 * xenstore_suspend holds new requests back and waits for those in
 * flight: 0, or -XEN_EBUSY (then nothing is held back). xenstore_resume
 * lets them go; in a new domain it first takes the new connection
 * (xs_ring_reconnect) and sets every watch again (xs_watch_resume,
 * which returns how many, or the first error).
 */
int xenstore_suspend(void);
void xenstore_resume(bool new_domain);
void xs_gate_pass(void); /* xs_request: waits while held back */
void xs_gate_idle(void); /* a request ended, or a writer left */
/* Nothing in flight (or broken for good); *owes: half a timed-out
 * request is still owed to the ring. */
bool xs_ring_quiet(bool *owes);
/*
 * After a restore the ring page is ours as it was, but the connection
 * is new: another port (start_info names it), and xenstored (4.17,
 * do_introduce) sets the four ring indexes back to 0, so ours are read
 * from the page again. A daemon that did not would leave what the old
 * connection sent and we had not read: dropped - no request waits for
 * it, and every watch is set again. A broken connection starts over.
 */
void xs_ring_reconnect(void);
int xs_watch_resume(void);

#endif
