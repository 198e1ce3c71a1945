/*
 * frontend_internal.h - between the frontend layer's files
 * (kernel/xenbus/frontend.c walks the states, frontend_res.c holds what
 * the backend is given). Drivers include kernel/xenbus/frontend.h.
 */
#ifndef KERNEL_XENBUS_FRONTEND_INTERNAL_H
#define KERNEL_XENBUS_FRONTEND_INTERNAL_H

#include "kernel/xenbus/frontend.h"

/* Writes every ring's ref, every port and d->keys in transaction tx. */
int xenbus_publish_keys(struct xenbus_dev *d, xs_tx_t tx);
/* Removes them again (a backend resetting may read them at once). */
void xenbus_unpublish_keys(struct xenbus_dev *d);
/* "ring granted to dom0 (ref 8), event channel 4", for the trace. */
void xenbus_describe_grants(const struct xenbus_dev *d, char *buf, size_t size);

#endif
