/*
 * console_dev.c - connecting and disconnecting further PV consoles
 * (device/console/N): the xenbus handshake a frontend makes with its
 * backend. Reading and writing is kernel/drivers/console/console_dev_io.c.
 *
 * The toolstack made two directories: ours, device/console/N (backend,
 * backend-id, name, state = Initialising), and the backend's, which it
 * names. To connect we
 *   1. share a zeroed ring page: a grant to the backend's domain;
 *   2. offer an event channel the backend's domain may bind to;
 *   3. write ring-ref, port and state = Initialised in ONE transaction:
 *      the backend acts on the first change it sees, so it must never
 *      see a ring-ref without its port;
 *   4. wait for the backend's state to become Connected (it has mapped
 *      the ring and bound the port), then say Connected ourselves.
 * A backend can take long to get there, refuse (Closing/Closed) or die:
 * the wait is bounded and each failure is its own errno.
 *
 * Disconnecting runs the states down: we say Closing, the backend
 * unmaps the ring and says Closing too, we say Closed. Only then may the
 * grant end and the page be reused; a backend that still maps it keeps
 * the page for good rather than see it reused.
 */
#include <pvmini/console_dev.h>
#include <pvmini/evtchn.h>
#include <pvmini/gnttab.h>
#include <pvmini/page_alloc.h>
#include <pvmini/time.h>
#include <pvmini/trace.h>
#include "console_dev_internal.h"
#include "kernel/xen/shutdown.h"
#include "mm/mm.h"

#define CONNECT_NS (10 * NSEC_PER_SEC)
#define CLOSE_NS (2 * NSEC_PER_SEC)

struct console_dev *console_devs; /* open ones, for drain-all */
static struct mutex open_lock = MUTEX_INIT;

/* Upcall context: wake whoever waits for room, input or the backend. */
static void on_event(evtchn_port_t port __unused, void *data)
{
	struct console_dev *c = data;

	c->stats.events++;
	wake_all(&c->wq);
}

/* xswatch thread: the backend's state changed (or the watch was set). */
static void on_backend_state(struct xs_watch *w, const char *changed __unused)
{
	struct console_dev *c = w->data;
	unsigned long st;
	int rc = xs_read_ulong(XS_TX_NONE, w->path, XenbusStateReconfigured,
			       &st);

	if (rc == -XEN_ENOENT) { /* the backend's directory is gone */
		st = XenbusStateClosed;
	} else if (rc) {
		printk("console %u: %s is unreadable (%s): treating the "
		       "backend as gone\n",
		       c->id, w->path, xs_error_name(rc));
		st = XenbusStateClosed;
	}
	c->be_state = (int)st;
	if (st == XenbusStateClosing || st == XenbusStateClosed)
		c->gone = true;
	wake_all(&c->wq);
}

static int fe_key(const struct console_dev *c, const char *key, char *buf,
		  size_t size)
{
	int n = snprintf(buf, size, "device/console/%u/%s", c->id, key);

	return n < (int)size ? 0 : -XEN_E2BIG;
}

static int set_state(struct console_dev *c, xs_tx_t tx, int state)
{
	char key[64];

	fe_key(c, "state", key, sizeof(key));
	return xs_printf(tx, key, "%d", state);
}

int console_dev_name_of(unsigned int id, char *buf, size_t size)
{
	char key[64];
	int rc;

	snprintf(key, sizeof(key), "device/console/%u/name", id);
	rc = xs_read(XS_TX_NONE, key, buf, size);
	if (rc == -XEN_ENOENT && size) { /* a console without a name */
		buf[0] = '\0';
		return 0;
	}
	return rc < 0 ? rc : 0;
}

/* What the toolstack left for us; anything malformed is said aloud. */
static int read_frontend(struct console_dev *c, unsigned long *fe_state)
{
	char key[64];
	unsigned long v;
	int rc;

	fe_key(c, "backend", key, sizeof(key));
	rc = xs_read(XS_TX_NONE, key, c->backend, sizeof(c->backend));
	if (rc == -XEN_ENOENT)
		return rc;
	if (rc >= 0 && (c->backend[0] != '/' || !xs_path_ok(c->backend)))
		rc = -XEN_EBADMSG;
	if (rc < 0)
		goto bad;
	fe_key(c, "backend-id", key, sizeof(key));
	rc = xs_read_ulong(XS_TX_NONE, key, DOMID_FIRST_RESERVED - 1, &v);
	if (rc)
		goto bad;
	c->backend_id = (domid_t)v;
	rc = console_dev_name_of(c->id, c->name, sizeof(c->name));
	if (rc)
		goto bad;
	fe_key(c, "state", key, sizeof(key));
	rc = xs_read_ulong(XS_TX_NONE, key, XenbusStateReconfigured, &v);
	if (rc)
		goto bad;
	if (v != XenbusStateInitialising && v != XenbusStateClosed) {
		printk("console %u: frontend state is %lu, neither "
		       "Initialising (1) nor Closed (6): in use\n",
		       c->id, v);
		return -XEN_EBUSY;
	}
	*fe_state = v;
	snprintf(c->be_state_path, sizeof(c->be_state_path), "%s/state",
		 c->backend);
	return 0;
bad:
	printk("console %u: %s: %s\n", c->id, key, xs_error_name(rc));
	return rc == -XEN_E2BIG ? -XEN_EBADMSG : rc;
}

static int publish(xs_tx_t tx, void *arg)
{
	struct console_dev *c = arg;
	char key[64];
	int rc;

	fe_key(c, "ring-ref", key, sizeof(key));
	rc = xs_printf(tx, key, "%u", c->ref);
	if (!rc) {
		fe_key(c, "port", key, sizeof(key));
		rc = xs_printf(tx, key, "%u", c->port);
	}
	return rc ? rc : set_state(c, tx, XenbusStateInitialised);
}

/*
 * Takes ring-ref and port back out of xenstore once the backend let go:
 * a backend resetting for a new connection reads them at once, and a
 * stale ref may by then grant it some other page of ours.
 */
static void unpublish(struct console_dev *c)
{
	char key[64];

	fe_key(c, "ring-ref", key, sizeof(key));
	xs_rm(XS_TX_NONE, key);
	fe_key(c, "port", key, sizeof(key));
	xs_rm(XS_TX_NONE, key);
}

/* Undoes whatever of the handshake was done, in reverse. */
static void teardown(struct console_dev *c)
{
	timer_cancel(&c->kick);
	if (c->watch.path)
		xs_unwatch(&c->watch);
	if (c->port)
		evtchn_close(c->port);
	if (c->ref && gnttab_end_access(c->ref) == -XEN_EBUSY) {
		printk("console %u: the backend still maps the ring; its "
		       "page stays with it\n",
		       c->id);
		c->ring = NULL;
	}
	if (c->ring)
		free_pages(c->ring, 0);
	kfree(c);
}

static bool is_open(unsigned int id)
{
	for (struct console_dev *c = console_devs; c; c = c->next)
		if (c->id == id)
			return true;
	return false;
}

/* Waits (bounded) until the backend's state is `state`, or until it
 * closes if `or_gone`; returns whether the state was reached. */
static bool wait_state(struct console_dev *c, int state, bool or_gone,
		       uint64_t ns)
{
	struct deadline d = { 0 };

	deadline_start(&d, &c->wq, ns);
	wait_event(c->wq,
		   c->be_state == state || (or_gone && c->gone) || d.passed);
	deadline_stop(&d);
	return c->be_state == state;
}

/*
 * A device closed earlier (by us, or by a previous instance of this
 * domain) is reopened by going back to Initialising: the backend answers
 * by resetting itself to InitWait, ready for a new ring.
 */
static int reset(struct console_dev *c)
{
	int rc;

	unpublish(c);
	rc = set_state(c, XS_TX_NONE, XenbusStateInitialising);
	if (rc)
		return rc;
	if (!wait_state(c, XenbusStateInitWait, false, CONNECT_NS)) {
		printk("console %u: backend %s did not reset for a new "
		       "connection (state %d)\n",
		       c->id, c->backend, c->be_state);
		return -XEN_ETIMEDOUT;
	}
	c->gone = false; /* that was the last connection's end */
	trace_dev("console %u: was Closed; Initialising, backend back to "
		  "InitWait",
		  c->id);
	return 0;
}

static int connect(struct console_dev *c)
{
	unsigned long fe_state = 0;
	long rc = read_frontend(c, &fe_state);

	if (rc)
		return (int)rc;
	/* The watch first: its first event tells the state as it is now. */
	rc = xs_watch(&c->watch, c->be_state_path, on_backend_state, c);
	if (rc)
		return (int)rc;
	if (fe_state == XenbusStateClosed) {
		rc = reset(c);
		if (rc)
			return (int)rc;
	}
	c->ring = alloc_pages(0);
	if (!c->ring)
		return -XEN_ENOMEM;
	memset(c->ring, 0, PAGE_SIZE);
	rc = gnttab_grant_access(c->backend_id, c->ring, false);
	if (rc < 0)
		return (int)rc;
	c->ref = (grant_ref_t)rc;
	rc = evtchn_alloc_unbound(c->backend_id, on_event, c);
	if (rc < 0)
		return (int)rc;
	c->port = (evtchn_port_t)rc;
	rc = xs_transaction(publish, c);
	if (rc)
		return (int)rc;
	trace_dev("console %u: ring granted to dom%u (ref %u), event "
		  "channel %u; Initialised",
		  c->id, c->backend_id, c->ref, c->port);
	if (!wait_state(c, XenbusStateConnected, true, CONNECT_NS)) {
		printk("console %u: backend %s %s\n", c->id, c->backend,
		       c->gone ? "refused the connection"
			       : "did not connect within 10 s");
		return c->gone ? -XEN_ENOTCONN : -XEN_ETIMEDOUT;
	}
	rc = set_state(c, XS_TX_NONE, XenbusStateConnected);
	if (!rc)
		trace_dev("console %u (%s): backend Connected; Connected",
			  c->id, c->name[0] ? c->name : "no name");
	return (int)rc;
}

/* Output still in a device's ring dies with the domain. */
static struct shutdown_drain drain = { .fn = console_dev_drain_all };

int console_dev_open(unsigned int id, struct console_dev **out)
{
	struct console_dev *c;
	int rc;

	if (!xenstore_available())
		return -XEN_ENODEV;
	shutdown_drain_register(&drain);
	c = kcalloc(1, sizeof(*c));
	if (!c)
		return -XEN_ENOMEM;
	*c = (struct console_dev){ .id = id,
				   .wlock = MUTEX_INIT,
				   .rlock = MUTEX_INIT,
				   .wq = WAIT_QUEUE_INIT };
	mutex_lock(&open_lock);
	rc = is_open(id) ? -XEN_EBUSY : connect(c);
	if (rc) {
		mutex_unlock(&open_lock);
		teardown(c);
		return rc;
	}
	c->next = console_devs;
	console_devs = c;
	mutex_unlock(&open_lock);
	*out = c;
	return 0;
}

int console_dev_close(struct console_dev *c)
{
	struct console_dev **pp;
	int rc;

	console_dev_drain(c);
	/* Threads still reading or writing give up (end of file, ENOTCONN)
	 * and leave before the device goes: holding both locks proves it. */
	c->closing = true;
	wake_all(&c->wq);
	mutex_lock(&c->rlock);
	mutex_lock(&c->wlock);
	mutex_lock(&open_lock);
	for (pp = &console_devs; *pp && *pp != c; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = c->next;
	mutex_unlock(&open_lock);
	/* Each step waits for the backend to follow, so that a reopen
	 * never finds it half-way (it ignores Initialising while Closing). */
	rc = set_state(c, XS_TX_NONE, XenbusStateClosing);
	if (!rc) {
		wait_state(c, XenbusStateClosing, true, CLOSE_NS);
		rc = set_state(c, XS_TX_NONE, XenbusStateClosed);
	}
	if (!rc && wait_state(c, XenbusStateClosed, false, CLOSE_NS))
		unpublish(c);
	trace_dev("console %u: Closed (backend state %d)", c->id, c->be_state);
	teardown(c);
	return rc;
}

void console_dev_get_stats(const struct console_dev *c,
			   struct console_dev_stats *out)
{
	*out = c->stats;
}

unsigned int console_dev_id(const struct console_dev *c)
{
	return c->id;
}

const char *console_dev_name(const struct console_dev *c)
{
	return c->name;
}
