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
/* Waits while the devices are suspended (kernel/xenbus/frontend_pm.c). */
void xenbus_pm_wait(void);
/* frontend.c: reads our state, which must be Initialising or Closed
 * (then sets fe_closed); -XEN_EBUSY otherwise. */
int xenbus_check_fe_state(struct xenbus_dev *d);
/* frontend.c: the backend's state watch, set or removed. */
int xenbus_watch_backend(struct xenbus_dev *d);
void xenbus_unwatch_backend(struct xenbus_dev *d);

#endif
