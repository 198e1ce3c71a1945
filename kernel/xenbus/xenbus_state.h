/*
 * xenbus_state.h - the pure parts of the xenbus frontend layer
 * (kernel/xenbus/xenbus_state.c, unit-tested on the host): what a
 * state node or a backend path may hold, and how a
 * frontend's keys are named. Everything here is read from xenstore,
 * which the other side (and the toolstack) writes: nothing is trusted.
 */
#ifndef KERNEL_XENBUS_XENBUS_STATE_H
#define KERNEL_XENBUS_XENBUS_STATE_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>
#include <pvmini/xenstore.h>
#include <xen/io/xenbus.h>

/* Not a XenbusState: the node held something that is not one. */
#define XENBUS_STATE_JUNK (-1)

/* A state node's value: a decimal XenbusState (0..8), nothing else.
 * 0 and *state set, or -XEN_EBADMSG. */
int xenbus_parse_state(const char *s, int *state);
/* "Initialising", "InitWait", ...; "junk" for XENBUS_STATE_JUNK. */
const char *xenbus_state_name(int state);
/* A backend directory: absolute, below the root, a path xenstore
 * allows, and short enough for `size` bytes with "/state" appended. */
bool xenbus_backend_path_ok(const char *path, size_t size);
/* "device/<type>/<id>" or, with a key, "device/<type>/<id>/<key>";
 * -XEN_E2BIG if it does not fit in size bytes. */
int xenbus_fe_path(char *buf, size_t size, const char *type, unsigned int id,
		   const char *key);
/* Makes s safe to print: every byte outside ' '..'~' becomes '?'
 * (a junk value may hold terminal control sequences). */
void xenbus_printable(char *s);

#endif
