/*
 * console_dev.c - opening and closing further PV consoles
 * (device/console/N). The xenbus handshake is the frontend layer's
 * (kernel/xenbus/frontend.h, docs/xenbus.md); what is the console's own
 * is here: one ring page under "ring-ref" (struct xencons_interface, the
 * same rings as console 0), one event channel under "port", the
 * channel's name, the list of open devices that shutdown drains, and
 * releasing readers and writers before a close. Reading and writing is
 * kernel/drivers/console/console_dev_io.c.
 */
#include <pvmini/console.h>
#include <pvmini/console_dev.h>
#include <pvmini/evtchn.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include "console_dev_internal.h"
#include "kernel/xen/shutdown.h"

struct console_dev *console_devs; /* open ones, for drain-all */
static struct mutex open_lock = MUTEX_INIT;

/* Upcall context: wake whoever waits for room or input. */
static void on_event(evtchn_port_t port __unused, void *data)
{
	struct console_dev *c = data;

	c->stats.events++;
	wake_all(&c->xb.wq);
	if (c->input_hook)
		c->input_hook(c);
}

int console_dev_name_of(unsigned int id, char *buf, size_t size)
{
	int rc = xenbus_read_key("console", id, "name", buf, size);

	if (rc == -XEN_ENOENT && size) { /* a console without a name */
		buf[0] = '\0';
		return 0;
	}
	return rc < 0 ? rc : 0;
}

static bool is_open(unsigned int id)
{
	for (struct console_dev *c = console_devs; c; c = c->next)
		if (c->xb.id == id)
			return true;
	return false;
}

static int connect(struct console_dev *c, unsigned int id)
{
	void *ring;
	int rc = console_dev_name_of(id, c->name, sizeof(c->name));

	if (rc) {
		printk("console %u: device/console/%u/name: %s\n", id, id,
		       xs_error_name(rc));
		return rc == -XEN_E2BIG ? -XEN_EBADMSG : rc;
	}
	rc = xenbus_open(&c->xb, "console", id);
	if (rc)
		return rc;
	c->xb.detail = c->name[0] ? c->name : "no name";
	rc = xenbus_grant_ring(&c->xb, "ring-ref", &ring);
	if (rc)
		return rc;
	c->ring = ring;
	rc = xenbus_alloc_evtchn(&c->xb, "port", on_event, c);
	if (rc < 0)
		return rc;
	c->port = (evtchn_port_t)rc;
	return xenbus_connect(&c->xb, NULL, 0);
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
	*c = (struct console_dev){ .wlock = MUTEX_INIT, .rlock = MUTEX_INIT };
	mutex_lock(&open_lock);
	rc = is_open(id) ? -XEN_EBUSY : connect(c, id);
	if (rc) {
		mutex_unlock(&open_lock);
		xenbus_release(&c->xb);
		kfree(c);
		return rc;
	}
	c->next = console_devs;
	console_devs = c;
	console_dev_pm_register(c);
	mutex_unlock(&open_lock);
	*out = c;
	return 0;
}

int console_dev_close(struct console_dev *c)
{
	struct console_dev **pp;
	int rc;

	/* Not in the middle of a save: the hook must see it through. */
	wait_event(c->xb.wq, !c->suspended);
	console_dev_pm_unregister(c);
	console_dev_drain(c);
	/* Threads still reading or writing give up (end of file, ENOTCONN)
	 * and leave before the device goes: holding both locks proves it. */
	c->closing = true;
	wake_all(&c->xb.wq);
	mutex_lock(&c->rlock);
	mutex_lock(&c->wlock);
	mutex_lock(&open_lock);
	for (pp = &console_devs; *pp && *pp != c; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = c->next;
	mutex_unlock(&open_lock);
	rc = xenbus_close(&c->xb);
	trace_dev("%s: closed: %lu byte(s) out, %lu in; %lu event(s) from "
		  "the backend, %lu to it",
		  c->xb.label, c->stats.bytes_out, c->stats.bytes_in,
		  c->stats.events, c->stats.notifies);
	timer_cancel(&c->kick);
	xenbus_release(&c->xb);
	kfree(c);
	return rc;
}

void console_dev_get_stats(const struct console_dev *c,
			   struct console_dev_stats *out)
{
	*out = c->stats;
}

unsigned int console_dev_id(const struct console_dev *c)
{
	return c->xb.id;
}

const char *console_dev_name(const struct console_dev *c)
{
	return c->name;
}
