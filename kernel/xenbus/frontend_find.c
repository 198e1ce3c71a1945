/*
 * frontend_find.c - which devices of a type a domain has, and what the
 * toolstack wrote for each. For every device in the cfg, libxl creates
 * device/<type>/<id> in our home (backend, backend-id, state =
 * Initialising, and the device's own keys) and the backend's directory,
 * which it names. Both are read before anything is given away, and
 * checked: a frontend that followed a malformed backend path would
 * watch, and publish to, the wrong place.
 */
#include <pvmini/console.h>
#include "kernel/xenbus/frontend.h"

int xenbus_list(const char *type, unsigned int *ids, unsigned int max)
{
	const char *names[64];
	char dir[32], buf[512];
	unsigned int n = 0;
	int count;

	if (!xenstore_available())
		return -XEN_ENODEV;
	if (snprintf(dir, sizeof(dir), "device/%s", type) >= (int)sizeof(dir))
		return -XEN_EINVAL;
	count = xs_directory(XS_TX_NONE, dir, buf, sizeof(buf), names,
			     ARRAY_SIZE(names));
	if (count == -XEN_ENOENT) /* no device of this type at all */
		return 0;
	for (int i = 0; i < count; i++) {
		unsigned long id;

		if (parse_ulong(names[i], 0xffffffffUL, &id))
			continue; /* not a device number: not ours */
		if (n < max)
			ids[n] = (unsigned int)id;
		n++;
	}
	return count < 0 ? count : (int)n;
}

int xenbus_read_key(const char *type, unsigned int id, const char *key,
		    char *buf, size_t size)
{
	char path[64];
	int rc = xenbus_fe_path(path, sizeof(path), type, id, key);

	return rc ? rc : xs_read(XS_TX_NONE, path, buf, size);
}

/* Says what is wrong with a key of ours (why, or rc's name); returns rc. */
static int bad(const struct xenbus_dev *d, const char *key, int rc,
	       const char *why)
{
	char path[64];

	xenbus_fe_path(path, sizeof(path), d->type, d->id, key);
	printk("%s: %s: %s\n", d->label, path, why ? why : xs_error_name(rc));
	return rc;
}

int xenbus_read_backend(struct xenbus_dev *d)
{
	unsigned long domid;
	char path[64];
	int rc = xenbus_read_key(d->type, d->id, "backend", d->backend,
				 sizeof(d->backend));

	if (rc == -XEN_ENOENT) /* no such device */
		return rc;
	if (rc == -XEN_E2BIG ||
	    (rc >= 0 &&
	     !xenbus_backend_path_ok(d->backend, sizeof(d->be_state_path))))
		return bad(d, "backend", -XEN_EBADMSG, NULL);
	if (rc < 0)
		return bad(d, "backend", rc, NULL);
	snprintf(d->be_state_path, sizeof(d->be_state_path), "%s/state",
		 d->backend);
	/* A backend with no backend-id is half a device: malformed. */
	xenbus_fe_path(path, sizeof(path), d->type, d->id, "backend-id");
	rc = xs_read_ulong(XS_TX_NONE, path, DOMID_FIRST_RESERVED - 1, &domid);
	if (rc == -XEN_ENOENT)
		return bad(d, "backend-id", -XEN_EBADMSG, "missing");
	if (rc)
		return bad(d, "backend-id", rc, NULL);
	d->backend_id = (domid_t)domid;
	return 0;
}
