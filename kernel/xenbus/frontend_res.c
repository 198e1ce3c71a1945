/*
 * frontend_res.c - what a frontend gives its backend: ring pages (each a
 * grant the backend maps) and event channels (each an unbound port the
 * backend binds to), the xenstore keys that name them, and taking all
 * of it back.
 *
 * Taking back is where a frontend can corrupt itself. Once a ref is
 * published, the backend may map it at any time until it says Closed:
 * ending the grant while nobody maps it at this very moment is not
 * enough, because the freed ref goes to the next grant, and a late
 * backend would then map that other page through the stale ring-ref.
 * So a ref the backend has not let go of stays granted, with its page,
 * for good, and so does a port: a late backend binding the stale port
 * number would take over the next connection's channel
 * (docs/xenbus.md).
 */
#include <arch/layout.h>
#include <pvmini/console.h>
#include <pvmini/gnttab.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include "kernel/xen/events.h"
#include "kernel/xenbus/frontend_internal.h"

int xenbus_grant_ring(struct xenbus_dev *d, const char *key, void **page)
{
	struct xenbus_ring *r = &d->rings[d->nr_rings];
	int rc;

	if (d->nr_rings == XENBUS_MAX_RINGS)
		return -XEN_ENOSPC;
	r->page = alloc_pages(0);
	if (!r->page)
		return -XEN_ENOMEM;
	/* The backend reads the ring's indexes at once: they must be 0. */
	memset(r->page, 0, PAGE_SIZE);
	rc = gnttab_grant_access(d->backend_id, r->page, false);
	if (rc < 0) {
		printk("%s: granting %s: %s\n", d->label, key,
		       xs_error_name(rc));
		free_pages(r->page, 0);
		return rc;
	}
	r->ref = (grant_ref_t)rc;
	r->key = key;
	d->nr_rings++;
	*page = r->page;
	trace_dev("%s: %s %u: a zeroed page granted to dom%u", d->label, key,
		  r->ref, d->backend_id);
	return 0;
}

int xenbus_alloc_evtchn(struct xenbus_dev *d, const char *key,
			evtchn_handler_t fn, void *data)
{
	struct xenbus_port *p = &d->ports[d->nr_ports];
	int rc;

	if (d->nr_ports == XENBUS_MAX_PORTS)
		return -XEN_ENOSPC;
	rc = evtchn_alloc_unbound(d->backend_id, fn, data);
	if (rc < 0) {
		printk("%s: event channel for %s: %s\n", d->label, key,
		       xs_error_name(rc));
		return rc;
	}
	p->port = (evtchn_port_t)rc;
	p->key = key;
	p->fn = fn;
	p->data = data;
	d->nr_ports++;
	trace_dev("%s: %s %u: an unbound event channel for dom%u", d->label,
		  key, p->port, d->backend_id);
	return rc;
}

static int write_key(struct xenbus_dev *d, xs_tx_t tx, const char *key,
		     const char *fmt, unsigned long v, const char *s)
{
	char path[96];
	int rc = xenbus_fe_path(path, sizeof(path), d->type, d->id, key);

	if (rc)
		return rc;
	return s ? xs_write(tx, path, s) : xs_printf(tx, path, fmt, v);
}

int xenbus_publish_keys(struct xenbus_dev *d, xs_tx_t tx)
{
	int rc = 0;

	for (unsigned int i = 0; i < d->nr_rings && !rc; i++)
		rc = write_key(d, tx, d->rings[i].key, "%lu", d->rings[i].ref,
			       NULL);
	for (unsigned int i = 0; i < d->nr_ports && !rc; i++)
		rc = write_key(d, tx, d->ports[i].key, "%lu", d->ports[i].port,
			       NULL);
	for (unsigned int i = 0; i < d->nr_keys && !rc; i++)
		rc = write_key(d, tx, d->keys[i].key, NULL, 0,
			       d->keys[i].value);
	return rc;
}

static void rm_key(struct xenbus_dev *d, const char *key)
{
	char path[96];

	if (!xenbus_fe_path(path, sizeof(path), d->type, d->id, key))
		xs_rm(XS_TX_NONE, path);
}

void xenbus_unpublish_keys(struct xenbus_dev *d)
{
	for (unsigned int i = 0; i < d->nr_rings; i++)
		rm_key(d, d->rings[i].key);
	for (unsigned int i = 0; i < d->nr_ports; i++)
		rm_key(d, d->ports[i].key);
	for (unsigned int i = 0; i < d->nr_keys; i++)
		rm_key(d, d->keys[i].key);
}

void xenbus_describe_grants(const struct xenbus_dev *d, char *buf, size_t size)
{
	size_t n = (size_t)snprintf(buf, size, "ring%s granted to dom%u (ref%s",
				    d->nr_rings == 1 ? "" : "s", d->backend_id,
				    d->nr_rings == 1 ? "" : "s");

	for (unsigned int i = 0; i < d->nr_rings && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, " %u",
				      d->rings[i].ref);
	if (n < size)
		n += (size_t)snprintf(buf + n, size - n, "), event channel%s",
				      d->nr_ports == 1 ? "" : "s");
	for (unsigned int i = 0; i < d->nr_ports && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, " %u",
				      d->ports[i].port);
	for (unsigned int i = 0; i < d->nr_keys && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, ", %s = %s",
				      d->keys[i].key, d->keys[i].value);
}

/* Ends one ring's grant and frees its page, unless the backend may
 * still reach it; returns whether the page was freed. */
static bool end_ring(struct xenbus_dev *d, struct xenbus_ring *r)
{
	int rc;

	if (d->published) {
		printk("%s: the backend has not let go of %s %u (state %s): "
		       "the ref and its page stay with it\n",
		       d->label, r->key, r->ref,
		       xenbus_state_name(d->be_state));
		return false;
	}
	rc = gnttab_end_access(r->ref);
	if (rc == -XEN_EBUSY) {
		printk("%s: the backend still maps %s %u; its page stays "
		       "with it\n",
		       d->label, r->key, r->ref);
		return false;
	}
	if (rc)
		printk("%s: ending the grant of %s %u: %s\n", d->label, r->key,
		       r->ref, xs_error_name(rc));
	free_pages(r->page, 0);
	return true;
}

/* Closes one port, unless the backend may still bind to it: then it
 * stays open, masked and unused, so that no later connection gets its
 * number. Returns whether it was closed. */
static bool end_port(struct xenbus_dev *d, struct xenbus_port *p)
{
	if (d->published) {
		printk("%s: the backend has not let go of %s %u (state %s): "
		       "the port stays open, unused\n",
		       d->label, p->key, p->port,
		       xenbus_state_name(d->be_state));
		evtchn_abandon(p->port);
		return false;
	}
	evtchn_close(p->port);
	return true;
}

void xenbus_release(struct xenbus_dev *d)
{
	unsigned int freed = 0, closed = 0;

	xenbus_unwatch_backend(d);
	for (unsigned int i = 0; i < d->nr_ports; i++)
		closed += end_port(d, &d->ports[i]);
	for (unsigned int i = 0; i < d->nr_rings; i++)
		freed += end_ring(d, &d->rings[i]);
	if (d->nr_rings || d->nr_ports)
		trace_dev("%s: released: %u of %u ring page(s) freed, %u of "
			  "%u event channel(s) closed",
			  d->label, freed, d->nr_rings, closed, d->nr_ports);
	d->nr_rings = d->nr_ports = 0;
}

void xenbus_forget(struct xenbus_dev *d)
{
	if (d->watching)
		xs_unwatch(&d->watch);
	d->watching = false;
	for (unsigned int i = 0; i < d->nr_rings; i++)
		free_pages(d->rings[i].page, 0);
	trace_dev("%s: forgot %u ring(s) and %u port(s) of the old domain",
		  d->label, d->nr_rings, d->nr_ports);
	d->nr_rings = d->nr_ports = 0;
	d->published = false;
}
