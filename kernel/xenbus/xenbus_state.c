/*
 * xenbus_state.c - checking what xenstore holds for a device before the
 * frontend layer (kernel/xenbus/frontend.c) acts on it. Pure:
 * tests/unit/test_xenbus_state.c.
 *
 * A state node is written by the other end. A value that is no
 * XenbusState is not "some state we do not know": it is a broken peer,
 * and the layer says so instead of guessing (docs/xenbus.md).
 */
#include "kernel/xenbus/xenbus_state.h"

static const char *const names[] = {
	[XenbusStateUnknown] = "Unknown",
	[XenbusStateInitialising] = "Initialising",
	[XenbusStateInitWait] = "InitWait",
	[XenbusStateInitialised] = "Initialised",
	[XenbusStateConnected] = "Connected",
	[XenbusStateClosing] = "Closing",
	[XenbusStateClosed] = "Closed",
	[XenbusStateReconfiguring] = "Reconfiguring",
	[XenbusStateReconfigured] = "Reconfigured",
};

int xenbus_parse_state(const char *s, int *state)
{
	unsigned long v;

	if (parse_ulong(s, XenbusStateReconfigured, &v))
		return -XEN_EBADMSG;
	*state = (int)v;
	return 0;
}

const char *xenbus_state_name(int state)
{
	if (state == XENBUS_STATE_JUNK)
		return "junk";
	if (state < 0 || state >= (int)ARRAY_SIZE(names))
		return "?";
	return names[state];
}

bool xenbus_backend_path_ok(const char *path, size_t size)
{
	size_t n = strnlen(path, size);

	/* Room for "/state" and its NUL, which the layer watches. */
	return path[0] == '/' && n > 1 && n + sizeof("/state") <= size &&
	       xs_path_ok(path);
}

int xenbus_fe_path(char *buf, size_t size, const char *type, unsigned int id,
		   const char *key)
{
	int n = key ? snprintf(buf, size, "device/%s/%u/%s", type, id, key)
		    : snprintf(buf, size, "device/%s/%u", type, id);

	return n >= 0 && (size_t)n < size ? 0 : -XEN_E2BIG;
}

void xenbus_printable(char *s)
{
	for (; *s; s++)
		if (*s < ' ' || *s > '~')
			*s = '?';
}
