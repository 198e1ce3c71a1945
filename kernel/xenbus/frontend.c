/*
 * frontend.c - the xenbus handshake, walked the same way for every PV
 * device (docs/xenbus.md). Each side says where it is by writing its
 * `state` node (XenbusState, xen/io/xenbus.h) and watches the other's:
 *
 *   frontend (us)                  backend (in dom0)
 *   Initialising                   InitWait: ready for our keys
 *   keys + Initialised, ONE tx     maps the rings, binds the ports
 *   Connected                      Connected
 *   Closing                        Closing: unmaps, unbinds
 *   Closed                         Closed: has let go of everything
 *
 * Every wait for the backend is bounded and ends in one of three ways,
 * each its own error: it never answered (-XEN_ETIMEDOUT), it went to
 * Closing or Closed (-XEN_ENOTCONN), or its state node holds something
 * that is no XenbusState (-XEN_EBADMSG).
 */
#include <pvmini/console.h>
#include <pvmini/trace.h>
#include "kernel/xenbus/frontend_internal.h"

/* xswatch thread: the backend's state changed (or the watch was set). */
static void on_backend_state(struct xs_watch *w, const char *changed __unused)
{
	struct xenbus_dev *d = w->data;
	char val[16];
	int st, rc = xs_read(XS_TX_NONE, w->path, val, sizeof(val));

	if (rc == -XEN_ENOENT || rc == -XEN_EACCES) {
		/* The toolstack removes a backend's directory once the
		 * device is gone: nothing is left to use our pages. We may
		 * read the node only while it exists; once it is gone its
		 * parent's permissions (dom0's alone) answer EACCES. */
		st = XenbusStateClosed;
	} else if (rc < 0 && rc != -XEN_E2BIG) {
		printk("%s: reading %s: %s; treating the backend as gone\n",
		       d->label, w->path, xs_error_name(rc));
		st = XENBUS_STATE_JUNK;
	} else if (rc < 0 || xenbus_parse_state(val, &st)) {
		if (rc < 0)
			snprintf(val, sizeof(val), "(too long)");
		xenbus_printable(val);
		printk("%s: %s holds junk ('%s'), no XenbusState; treating "
		       "the backend as gone\n",
		       d->label, w->path, val);
		st = XENBUS_STATE_JUNK;
	}
	if (!d->be_gone &&
	    (st == XenbusStateClosing || st == XenbusStateClosed ||
	     st == XENBUS_STATE_JUNK)) {
		d->be_gone = true;
		d->gone_state = st;
	}
	d->be_state = st;
	wake_all(&d->wq);
}

static int set_state(struct xenbus_dev *d, xs_tx_t tx, int state)
{
	char path[64];
	int rc = xenbus_fe_path(path, sizeof(path), d->type, d->id, "state");

	return rc ? rc : xs_printf(tx, path, "%d", state);
}

/* Our own state: Initialising (new) or Closed (closed before) only. */
int xenbus_check_fe_state(struct xenbus_dev *d)
{
	char path[64];
	unsigned long v;
	int rc;

	xenbus_fe_path(path, sizeof(path), d->type, d->id, "state");
	rc = xs_read_ulong(XS_TX_NONE, path, XenbusStateReconfigured, &v);
	if (rc) {
		printk("%s: %s: %s\n", d->label, path, xs_error_name(rc));
		return rc;
	}
	if (v != XenbusStateInitialising && v != XenbusStateClosed) {
		printk("%s: frontend state is %lu, neither Initialising (1) "
		       "nor Closed (6): in use\n",
		       d->label, v);
		return -XEN_EBUSY;
	}
	d->fe_closed = v == XenbusStateClosed;
	return 0;
}

int xenbus_watch_backend(struct xenbus_dev *d)
{
	/* The watch's first event tells the backend's state as it is. */
	int rc = xs_watch(&d->watch, d->be_state_path, on_backend_state, d);

	if (rc) {
		printk("%s: cannot watch %s: %s\n", d->label, d->be_state_path,
		       xs_error_name(rc));
		return rc;
	}
	d->watching = true;
	return 0;
}

void xenbus_unwatch_backend(struct xenbus_dev *d)
{
	if (d->watching)
		xs_unwatch(&d->watch);
	d->watching = false;
}

int xenbus_open(struct xenbus_dev *d, const char *type, unsigned int id)
{
	int rc;

	*d = (struct xenbus_dev){ .type = type,
				  .id = id,
				  .connect_ns = XENBUS_CONNECT_NS,
				  .close_ns = XENBUS_CLOSE_NS,
				  .wq = WAIT_QUEUE_INIT };
	snprintf(d->label, sizeof(d->label), "%s %u", type, id);
	if (!xenstore_available())
		return -XEN_ENODEV;
	xenbus_pm_wait();
	rc = xenbus_read_backend(d);
	if (!rc)
		rc = xenbus_check_fe_state(d);
	if (!rc)
		rc = xenbus_watch_backend(d);
	if (rc)
		return rc;
	trace_dev("%s: backend %s (dom%u); we are %s", d->label, d->backend,
		  d->backend_id, d->fe_closed ? "Closed" : "Initialising");
	return 0;
}

/* Waits (at most ns) for the backend's state to be `state`, or for it
 * to be gone if or_gone; returns whether the state was reached. */
static bool wait_backend(struct xenbus_dev *d, int state, bool or_gone,
			 uint64_t ns)
{
	struct deadline dl = { 0 };

	deadline_start(&dl, &d->wq, ns);
	wait_event(d->wq, d->be_state == state || (or_gone && d->be_gone) ||
				  dl.passed);
	deadline_stop(&dl);
	return d->be_state == state;
}

/*
 * What a wait that did not reach `want` means. `what` completes
 * "backend X ..." for the timeout.
 */
static int wait_failed(struct xenbus_dev *d, const char *what, uint64_t ns)
{
	if (d->be_gone && d->gone_state == XENBUS_STATE_JUNK) {
		printk("%s: backend %s broke the handshake: its state node "
		       "holds junk\n",
		       d->label, d->backend);
		return -XEN_EBADMSG;
	}
	if (d->be_gone) {
		printk("%s: backend %s refused the connection (state %s)\n",
		       d->label, d->backend, xenbus_state_name(d->gone_state));
		return -XEN_ENOTCONN;
	}
	printk("%s: backend %s %s within %lu ms (state %s)\n", d->label,
	       d->backend, what, (unsigned long)(ns / NSEC_PER_MSEC),
	       xenbus_state_name(d->be_state));
	return -XEN_ETIMEDOUT;
}

/*
 * A device closed earlier (by us, or by a previous instance of this
 * domain) is reopened by going back to Initialising: the backend answers
 * by resetting itself to InitWait. Our old keys go first: a backend
 * that resets may read them at once, and they name refs and ports that
 * are no longer that connection's.
 */
static int reset(struct xenbus_dev *d)
{
	int rc;

	xenbus_unpublish_keys(d);
	rc = set_state(d, XS_TX_NONE, XenbusStateInitialising);
	if (rc)
		return rc;
	if (!wait_backend(d, XenbusStateInitWait, false, d->connect_ns)) {
		printk("%s: backend %s did not reset for a new connection "
		       "(state %s)\n",
		       d->label, d->backend, xenbus_state_name(d->be_state));
		return -XEN_ETIMEDOUT;
	}
	d->be_gone = false; /* that was the last connection's end */
	d->fe_closed = false;
	trace_dev("%s: was Closed; Initialising, backend back to InitWait",
		  d->label);
	return 0;
}

static int publish(xs_tx_t tx, void *arg)
{
	struct xenbus_dev *d = arg;
	int rc = xenbus_publish_keys(d, tx);

	return rc ? rc : set_state(d, tx, XenbusStateInitialised);
}

/*
 * A backend that connects on our Connected (netback): we say it first.
 * Its own Connected may lag for good: netback defers it until the
 * hotplug script wrote hotplug-status=connected, while its rings work
 * from the moment it saw our Connected.
 */
static int say_connected_first(struct xenbus_dev *d)
{
	int rc = set_state(d, XS_TX_NONE, XenbusStateConnected);

	if (rc) {
		printk("%s: saying Connected: %s\n", d->label,
		       xs_error_name(rc));
		return rc;
	}
	trace_dev("%s: Connected (the backend connects on our Connected)",
		  d->label);
	if (wait_backend(d, XenbusStateConnected, true, XENBUS_CONFIRM_NS)) {
		trace_dev("%s%s%s%s: backend Connected", d->label,
			  d->detail ? " (" : "", d->detail ? d->detail : "",
			  d->detail ? ")" : "");
		return 0;
	}
	if (d->be_gone)
		return wait_failed(d, "did not connect", XENBUS_CONFIRM_NS);
	trace_dev("%s: backend still %s after %lu ms: it says Connected "
		  "once its hotplug script has run; its rings work already",
		  d->label, xenbus_state_name(d->be_state),
		  (unsigned long)(XENBUS_CONFIRM_NS / NSEC_PER_MSEC));
	return 0;
}

/* Waits for Connected once the keys are out; 0 or the error. */
static int await_connected(struct xenbus_dev *d)
{
	int rc;

	if (d->says_connected_first)
		return say_connected_first(d);
	if (!wait_backend(d, XenbusStateConnected, true, d->connect_ns))
		return wait_failed(d, "did not connect", d->connect_ns);
	rc = set_state(d, XS_TX_NONE, XenbusStateConnected);
	if (rc)
		printk("%s: saying Connected: %s\n", d->label,
		       xs_error_name(rc));
	else if (d->detail)
		trace_dev("%s (%s): backend Connected; Connected", d->label,
			  d->detail);
	else
		trace_dev("%s: backend Connected; Connected", d->label);
	return rc;
}

int xenbus_connect(struct xenbus_dev *d, const struct xenbus_key *keys,
		   unsigned int n)
{
	char what[128];
	int rc;

	d->keys = keys;
	d->nr_keys = n;
	if (d->fe_closed) {
		rc = reset(d);
		if (rc)
			return rc;
	}
	/* Nothing is published before the backend is ready for it. */
	if (!wait_backend(d, XenbusStateInitWait, true, d->connect_ns))
		return wait_failed(d, "did not get ready (InitWait)",
				   d->connect_ns);
	trace_dev("%s: backend InitWait: ready for our keys", d->label);
	/* ONE transaction: the backend acts on the first change it sees
	 * and must never find a ring-ref without its port. */
	rc = xs_transaction(publish, d);
	if (rc) {
		printk("%s: publishing the keys: %s\n", d->label,
		       xs_error_name(rc));
		return rc;
	}
	d->published = true;
	xenbus_describe_grants(d, what, sizeof(what));
	trace_dev("%s: %s; Initialised", d->label, what);
	rc = await_connected(d);
	if (rc)
		xenbus_close(d); /* so that the backend lets go, if it can */
	return rc;
}

int xenbus_close(struct xenbus_dev *d)
{
	/* Each step waits for the backend to follow, so that a reopen never
	 * finds it half-way (it ignores Initialising while Closing). */
	int rc = set_state(d, XS_TX_NONE, XenbusStateClosing);

	if (!rc) {
		wait_backend(d, XenbusStateClosing, true, d->close_ns);
		trace_dev("%s: Closing; backend %s", d->label,
			  xenbus_state_name(d->be_state));
		rc = set_state(d, XS_TX_NONE, XenbusStateClosed);
	}
	if (rc && d->be_state == XenbusStateClosed) {
		/* The toolstack removed the device (xl network-detach): our
		 * directory went after the backend had closed and let go. */
		trace_dev("%s: our directory is gone (%s), the backend's "
			  "closed",
			  d->label, xs_error_name(rc));
		d->published = false;
		rc = 0;
	} else if (rc) {
		printk("%s: saying Closing/Closed: %s\n", d->label,
		       xs_error_name(rc));
	} else if (wait_backend(d, XenbusStateClosed, false, d->close_ns)) {
		/* It has let go: our refs and ports may serve again. */
		xenbus_unpublish_keys(d);
		d->published = false;
	} else {
		printk("%s: backend %s did not close within %lu ms (state "
		       "%s)\n",
		       d->label, d->backend,
		       (unsigned long)(d->close_ns / NSEC_PER_MSEC),
		       xenbus_state_name(d->be_state));
		rc = -XEN_ETIMEDOUT;
	}
	if (d->be_state == XENBUS_STATE_JUNK)
		trace_dev("%s: Closed (backend state junk)", d->label);
	else
		trace_dev("%s: Closed (backend state %d)", d->label,
			  d->be_state);
	return rc;
}
