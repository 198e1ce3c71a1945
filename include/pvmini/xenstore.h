/*
 * xenstore.h - the xenstore client: requests over the shared ring named
 * by start_info (store_mfn, store_evtchn), watches, transactions, and the
 * domain's lifecycle (control/shutdown).
 *
 * Every request blocks the calling thread until xenstored's reply with
 * its req_id arrives; any number of threads may have one outstanding.
 * Results: 0 (or a length, a count) on success, a negative Xen errno on
 * failure - an XS_ERROR reply becomes the errno it names (xs_error_name
 * gives the name back), a malformed reply -XEN_EBADMSG, no xenstore
 * (dom0) -XEN_ENODEV. Paths are absolute or relative to the domain's
 * home, /local/domain/<domid>.
 */
#ifndef PVMINI_XENSTORE_H
#define PVMINI_XENSTORE_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

/* Who may do what on a node: 'n'one, 'r'ead, 'w'rite, 'b'oth. */
struct xs_perm {
	uint16_t domid;
	char perm;
};

/* An errno's name for messages: the XS_ERROR names ("ENOENT") and the
 * kernel's own (ETIMEDOUT, ENOTCONN, ENODEV); "E?" if unknown. */
const char *xs_error_name(int err);
/* A path a guest may name: absolute or relative, bounded, no empty
 * element, no trailing '/', only xenstore's characters. */
bool xs_path_ok(const char *path);

typedef uint32_t xs_tx_t;
#define XS_TX_NONE 0

bool xenstore_available(void);

/* The value, NUL-terminated, into buf; returns its length.
 * -XEN_E2BIG if it does not fit (nothing is truncated silently). */
int xs_read(xs_tx_t tx, const char *path, char *buf, size_t size);
int xs_write(xs_tx_t tx, const char *path, const char *value);
int xs_printf(xs_tx_t tx, const char *path, const char *fmt, ...)
	__printf(3, 4);
int xs_mkdir(xs_tx_t tx, const char *path);
int xs_rm(xs_tx_t tx, const char *path);
/* Child names, into names[max] pointing into buf; returns the count. */
int xs_directory(xs_tx_t tx, const char *path, char *buf, size_t size,
		 const char **names, unsigned int max);
/* perms[0] is the owner (who may always do anything) and the default
 * for every domain not listed after it. */
int xs_get_perms(xs_tx_t tx, const char *path, struct xs_perm *perms,
		 unsigned int max);
int xs_set_perms(xs_tx_t tx, const char *path, const struct xs_perm *perms,
		 unsigned int n);

int xs_transaction_start(xs_tx_t *tx);
/* abort: discard. -XEN_EAGAIN: another writer got in first, redo it. */
int xs_transaction_end(xs_tx_t tx, bool abort);
/* Runs fn in a transaction and commits, redoing both on EAGAIN (at most
 * XS_TX_TRIES times); fn returning non-zero aborts with that result. */
#define XS_TX_TRIES 16
int xs_transaction(int (*fn)(xs_tx_t tx, void *arg), void *arg);

/*
 * Watches. The callback runs in the "xswatch" thread (not in an event
 * handler: it may block and make requests) once when the watch is set
 * and again whenever `path` or a node below it changes; `changed` is the
 * node that did. The struct is the caller's once xs_unwatch returns:
 * no callback of it runs any more (one that had begun has ended),
 * unless xs_unwatch was called from that very callback.
 */
struct xs_watch;
typedef void (*xs_watch_fn)(struct xs_watch *w, const char *changed);
struct xs_watch {
	const char *path;
	xs_watch_fn fn;
	void *data;
	char token[24];	       /* private */
	struct xs_watch *next; /* private */
};
int xs_watch(struct xs_watch *w, const char *path, xs_watch_fn fn, void *data);
int xs_unwatch(struct xs_watch *w);

/* A decimal value of at most max; -XEN_EBADMSG if the node holds
 * anything else. */
int xs_read_ulong(xs_tx_t tx, const char *path, unsigned long max,
		  unsigned long *val);
/* This domain's id (from the "domid" key), or -errno. */
int xs_domid(void);

struct xs_stats {
	unsigned long requests, replies, events;
	unsigned long rejected; /* malformed messages from the daemon */
	unsigned long stray;	/* replies no request waited for */
};
extern struct xs_stats xs_stats;

/*
 * Lifecycle (kernel/xenbus/lifecycle.c). xl shutdown / reboot write "poweroff"
 * or "reboot" into control/shutdown ("halt" too is understood); the
 * domain runs every hook (newest first), drains the console and ends
 * with the matching SHUTDOWN_* reason. "suspend" (xl save) goes to the
 * suspend sequence, whose hooks are <pvmini/suspend.h>.
 */
struct shutdown_hook {
	void (*fn)(unsigned int reason, void *data);
	void *data;
	struct shutdown_hook *next; /* private */
};
void shutdown_hook_register(struct shutdown_hook *h);

#endif
