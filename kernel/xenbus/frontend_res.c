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

/* The xenstore key of page i of ring r: key, or key0, key1, ... */
static void page_key(const struct xenbus_ring *r, unsigned int i, char *buf,
		     size_t size)
{
	if (r->order)
		snprintf(buf, size, "%s%u", r->key, i);
	else
		snprintf(buf, size, "%s", r->key);
}

/* Ends the grants of r's first n pages; returns how many could not be
 * ended (the backend maps them: they stay, with the pages). */
static unsigned int end_refs(struct xenbus_dev *d, struct xenbus_ring *r,
			     unsigned int n)
{
	unsigned int kept = 0;
	char key[40];

	for (unsigned int i = 0; i < n; i++) {
		int rc = gnttab_end_access(r->refs[i]);

		page_key(r, i, key, sizeof(key));
		if (rc == -XEN_EBUSY) {
			printk("%s: the backend still maps %s %u; its page "
			       "stays with it\n",
			       d->label, key, r->refs[i]);
			kept++;
		} else if (rc) {
			printk("%s: ending the grant of %s %u: %s\n", d->label,
			       key, r->refs[i], xs_error_name(rc));
		}
	}
	return kept;
}

int xenbus_grant_ring_pages(struct xenbus_dev *d, const char *key,
			    unsigned int order, void **ring)
{
	struct xenbus_ring *r = &d->rings[d->nr_rings];
	unsigned int n = 1U << order;
	int rc;

	if (d->nr_rings == XENBUS_MAX_RINGS || order > XENBUS_RING_MAX_ORDER)
		return -XEN_ENOSPC;
	*r = (struct xenbus_ring){ .key = key, .order = order };
	r->page = alloc_pages(order);
	if (!r->page)
		return -XEN_ENOMEM;
	/* The backend reads the ring's indexes at once: they must be 0. */
	memset(r->page, 0, PAGE_SIZE << order);
	for (unsigned int i = 0; i < n; i++) {
		rc = gnttab_grant_access(
			d->backend_id, (char *)r->page + i * PAGE_SIZE, false);
		if (rc < 0) {
			printk("%s: granting %s (page %u of %u): %s\n",
			       d->label, key, i, n, xs_error_name(rc));
			/* Nobody has the refs yet: ending cannot be refused. */
			end_refs(d, r, i);
			free_pages(r->page, order);
			return rc;
		}
		r->refs[i] = (grant_ref_t)rc;
	}
	d->nr_rings++;
	*ring = r->page;
	if (order)
		trace_dev("%s: %s0..%u: %u zeroed pages granted to dom%u",
			  d->label, key, n - 1, n, d->backend_id);
	else
		trace_dev("%s: %s %u: a zeroed page granted to dom%u", d->label,
			  key, r->refs[0], d->backend_id);
	return 0;
}

int xenbus_grant_ring(struct xenbus_dev *d, const char *key, void **page)
{
	return xenbus_grant_ring_pages(d, key, 0, page);
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

	for (unsigned int i = 0; i < d->nr_rings && !rc; i++) {
		struct xenbus_ring *r = &d->rings[i];
		char key[40];

		for (unsigned int p = 0; p < 1U << r->order && !rc; p++) {
			page_key(r, p, key, sizeof(key));
			rc = write_key(d, tx, key, "%lu", r->refs[p], NULL);
		}
	}
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
	for (unsigned int i = 0; i < d->nr_rings; i++) {
		char key[40];

		for (unsigned int p = 0; p < 1U << d->rings[i].order; p++) {
			page_key(&d->rings[i], p, key, sizeof(key));
			rm_key(d, key);
		}
	}
	for (unsigned int i = 0; i < d->nr_ports; i++)
		rm_key(d, d->ports[i].key);
	for (unsigned int i = 0; i < d->nr_keys; i++)
		rm_key(d, d->keys[i].key);
}

void xenbus_describe_grants(const struct xenbus_dev *d, char *buf, size_t size)
{
	unsigned int pages = 0;
	size_t n;

	for (unsigned int i = 0; i < d->nr_rings; i++)
		pages += 1U << d->rings[i].order;
	n = (size_t)snprintf(buf, size, "ring%s granted to dom%u (ref%s",
			     d->nr_rings == 1 ? "" : "s", d->backend_id,
			     pages == 1 ? "" : "s");

	for (unsigned int i = 0; i < d->nr_rings && n < size; i++)
		for (unsigned int p = 0;
		     p < 1U << d->rings[i].order && n < size; p++)
			n += (size_t)snprintf(buf + n, size - n, " %u",
					      d->rings[i].refs[p]);
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

/* Ends one ring's grants and frees its pages, unless the backend may
 * still reach them; returns whether the pages were freed. */
static bool end_ring(struct xenbus_dev *d, struct xenbus_ring *r)
{
	if (d->published && !r->order) {
		printk("%s: the backend has not let go of %s %u (state %s): "
		       "the ref and its page stay with it\n",
		       d->label, r->key, r->refs[0],
		       xenbus_state_name(d->be_state));
		return false;
	}
	if (d->published) {
		printk("%s: the backend has not let go of %s0..%u (state %s): "
		       "the refs and their pages stay with it\n",
		       d->label, r->key, (1U << r->order) - 1,
		       xenbus_state_name(d->be_state));
		return false;
	}
	/* One page still mapped keeps the whole block: it is freed whole. */
	if (end_refs(d, r, 1U << r->order))
		return false;
	free_pages(r->page, r->order);
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
