/*
 * frontend.h - the xenbus frontend layer: how every PV device driver
 * (console devices now; network and block next) connects to its backend
 * in dom0. The driver keeps only what is its own (its ring's layout, its
 * keys' names, its data path); the handshake is here. docs/xenbus.md
 * teaches it with these names. Internal: drivers include it, apps never.
 *
 * A driver's life with a device:
 *
 *	xenbus_open(&d, "console", 1);        read and check, watch the backend
 *	xenbus_grant_ring(&d, "ring-ref", &ring);        as many as it needs
 *	xenbus_alloc_evtchn(&d, "port", handler, arg);   the same
 *	xenbus_connect(&d, features, n);      publish, Initialised, Connected
 *	... the data path: the rings, the ports, d.wq, d.be_gone ...
 *	xenbus_close(&d);                     Closing, Closed
 *	xenbus_release(&d);                   always, also after a failure
 *
 * Reopening is xenbus_open again on a device whose frontend is Closed:
 * xenbus_connect then resets it (Initialising, the backend back to
 * InitWait) before publishing anew.
 *
 * Errors are negative Xen errnos, each with one meaning, and each comes
 * with a message that begins with the device's label ("console 1: "):
 *   -XEN_ENOENT    no such device (no device/<type>/<id>/backend)
 *   -XEN_EBADMSG   xenstore holds something malformed: our backend or
 *                  backend-id, our state, or the backend's state (junk)
 *   -XEN_EBUSY     our state is neither Initialising nor Closed: another
 *                  frontend (a previous instance of us) holds the device
 *   -XEN_ETIMEDOUT the backend did not answer within the bound
 *   -XEN_ENOTCONN  the backend went to Closing or Closed: it refused
 *   -XEN_ENOSPC    more rings or ports than XENBUS_MAX_*
 *   -XEN_ENODEV    no xenstore (dom0)
 *
 * The layer calls down only (xenstore, grants, event channels, threads,
 * pages); it reaches a driver only through the handler the driver gives
 * xenbus_alloc_evtchn and the hooks of kernel/xenbus/xenbus_pm.h.
 */
#ifndef KERNEL_XENBUS_FRONTEND_H
#define KERNEL_XENBUS_FRONTEND_H

#include <pvmini/evtchn.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/xenstore.h>
#include "kernel/xenbus/xenbus_pm.h"
#include "kernel/xenbus/xenbus_state.h"

#define XENBUS_MAX_RINGS 4
#define XENBUS_MAX_PORTS 2
/* A ring of up to 2^4 pages: blkif's largest max-ring-page-order. */
#define XENBUS_RING_MAX_ORDER 4
#define XENBUS_PATH_MAX 128
/* Default bounds of the waits for the backend. */
#define XENBUS_CONNECT_NS (10 * NSEC_PER_SEC)
#define XENBUS_CLOSE_NS (2 * NSEC_PER_SEC)
/* With says_connected_first: how long to wait for the backend to say
 * Connected too before going on without it. */
#define XENBUS_CONFIRM_NS (2 * NSEC_PER_SEC)

/*
 * Pages shared with the backend: one, whose ref is published under key,
 * or 2^order > 1 contiguous ones, each granted, published as key0,
 * key1, ... (blkif's multi-page rings: ring-ref0 ...).
 */
struct xenbus_ring {
	const char *key;    /* "ring-ref", "tx-ring-ref", ... */
	void *page;	    /* zeroed when granted */
	unsigned int order; /* 2^order pages */
	grant_ref_t refs[1U << XENBUS_RING_MAX_ORDER]; /* one per page */
};

/* An event channel the backend binds to; published under key. */
struct xenbus_port {
	const char *key; /* "port", "event-channel", ... */
	evtchn_port_t port;
	evtchn_handler_t fn; /* kept to allocate it anew after a restore */
	void *data;
};

/* A further key published with the rings: "feature-...", "protocol". */
struct xenbus_key {
	const char *key;
	const char *value;
};

struct xenbus_dev {
	/* Set by xenbus_open. */
	const char *type;	       /* "console", "vif", "vbd" */
	unsigned int id;	       /* N of device/<type>/N */
	char label[32];		       /* "console 1": messages begin with it */
	char backend[XENBUS_PATH_MAX]; /* the backend's directory */
	char be_state_path[XENBUS_PATH_MAX];
	domid_t backend_id;
	/* The driver may set these after xenbus_open. */
	const char *detail; /* shown beside the label once Connected */
	uint64_t connect_ns, close_ns; /* bounds of each wait */
	/*
	 * The backend acts on our Connected, not on our Initialised
	 * (netback maps the rings and binds the port only when the
	 * frontend says Connected, and says Connected itself only once
	 * its hotplug script reported): xenbus_connect then says
	 * Connected right after publishing and does not insist on the
	 * backend's Connected (docs/xenbus.md).
	 */
	bool says_connected_first;

	/* The backend's state as its watch last read it (the xswatch
	 * thread writes it, then wakes wq). */
	int be_state;	/* XenbusState, or XENBUS_STATE_JUNK */
	bool be_gone;	/* it went Closing, Closed or junk: this
			 * connection is over (reset by a reopen) */
	int gone_state; /* the state that ended it */
	/* Woken at every change of be_state. A driver may sleep on it for
	 * its own conditions too (and wake it from its handlers). */
	struct wait_queue wq;

	/* Private to the layer. */
	struct xs_watch watch;
	bool watching;
	bool fe_closed; /* our state was Closed at open: reset first */
	bool published; /* our keys are in xenstore and the backend has
			 * not let go of them: grants and ports stand */
	struct xenbus_ring rings[XENBUS_MAX_RINGS];
	struct xenbus_port ports[XENBUS_MAX_PORTS];
	unsigned int nr_rings, nr_ports;
	const struct xenbus_key *keys;
	unsigned int nr_keys;
};

/*
 * Enumerating and reading (kernel/xenbus/frontend_find.c).
 */
/* The device numbers under device/<type>/ into ids[max]; returns how
 * many there are (which may exceed max), 0 if none. */
int xenbus_list(const char *type, unsigned int *ids, unsigned int max);
/* device/<type>/<id>/<key> into buf; returns its length, -XEN_ENOENT
 * if absent. */
int xenbus_read_key(const char *type, unsigned int id, const char *key,
		    char *buf, size_t size);
/* Reads and checks backend (an absolute path) and backend-id (a domid)
 * into d; -XEN_ENOENT if there is no backend key, -XEN_EBADMSG with a
 * message for a malformed value or a missing backend-id. */
int xenbus_read_backend(struct xenbus_dev *d);

/*
 * The handshake (kernel/xenbus/frontend.c).
 */
/* Fills d for device/<type>/<id> (type must outlive d): its backend,
 * our state (Initialising, or Closed: reopened), and a watch on the
 * backend's state. */
int xenbus_open(struct xenbus_dev *d, const char *type, unsigned int id);
/*
 * Publishes every ring and port, and keys[n], with state = Initialised
 * in ONE transaction, once the backend is ready (InitWait); waits for
 * it to say Connected and says Connected. A device that was Closed is
 * reset first. keys[] must outlive d. On a failure after publishing,
 * it closes (xenbus_close) before returning the error.
 * With d->says_connected_first, it says Connected at once after
 * publishing, then waits at most XENBUS_CONFIRM_NS for the backend's
 * Connected; a backend still in InitWait after that is no error (it is
 * one that waits for its hotplug script), a backend that went Closing
 * or Closed is.
 */
int xenbus_connect(struct xenbus_dev *d, const struct xenbus_key *keys,
		   unsigned int n);
/* Closing, then Closed, each time waiting (close_ns) for the backend to
 * follow. -XEN_ETIMEDOUT if it did not reach Closed: it may still use
 * what we gave it, and xenbus_release will keep that. */
int xenbus_close(struct xenbus_dev *d);

/*
 * What the backend is given (kernel/xenbus/frontend_res.c).
 */
/* A zeroed page granted read-write to the backend, into *page; its ref
 * is published under key (which must outlive d). */
int xenbus_grant_ring(struct xenbus_dev *d, const char *key, void **page);
/* The same for 2^order contiguous pages (order <= XENBUS_RING_MAX_ORDER),
 * each granted; published as key0, key1, ... when order > 0. */
int xenbus_grant_ring_pages(struct xenbus_dev *d, const char *key,
			    unsigned int order, void **ring);
/* An unbound event channel for the backend's domain, bound to fn(port,
 * data) (which runs in the event upcall); returns the port. */
int xenbus_alloc_evtchn(struct xenbus_dev *d, const char *key,
			evtchn_handler_t fn, void *data);
/*
 * Undoes everything: the watch, the ports, the grants and their pages.
 * What the backend may still use - published and never let go of (it
 * did not reach Closed), or a grant still mapped now - is kept for
 * good: a grant with its page, a port open and masked. Reusing a ref
 * would let the backend reach memory that is no longer its ring, and
 * reusing a port number would let it bind the next connection's
 * channel.
 */
void xenbus_release(struct xenbus_dev *d);
/*
 * Suspend and resume (kernel/xenbus/frontend_pm.c, docs/suspend.md),
 * from a driver's hook (xenbus_pm.h) once its data path is parked.
 * xenbus_suspend stops following the backend (its directory goes with
 * the old domain). xenbus_resume: cancelled (a checkpoint), the same
 * backend is followed again; otherwise the device connects to the new
 * domain's backend keeping its rings (the grant layer gave their refs
 * again) with new event channels (same handlers): the handshake from
 * InitWait on, as xenbus_connect walks it. Returns 0 or its error; on
 * an error the device is gone (be_gone).
 */
int xenbus_suspend(struct xenbus_dev *d);
int xenbus_resume(struct xenbus_dev *d, bool cancelled);
/* In a new domain, for a device that will not reconnect (it stopped
 * before the save): its old port numbers may name other channels now,
 * so none is kept for its release to close. */
void xenbus_forget_ports(struct xenbus_dev *d);
/* The suspend sequence: every device's hook, with opening held back
 * meanwhile (a device opened half-way would miss the resume). */
int xenbus_suspend_devices(const char **refused);
void xenbus_resume_devices(bool cancelled);

#endif
