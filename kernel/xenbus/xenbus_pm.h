/*
 * xenbus_pm.h - suspend and resume hooks of xenbus frontends
 * (kernel/xenbus/xenbus_pm.c, pure: tests/unit/test_xenbus_pm.c).
 *
 * When a domain is saved (xl save, migration), every shared ring, grant
 * and event channel it had is gone when it runs again, in a new domain
 * with new backends: each frontend must have quiesced before and must
 * connect anew after (docs/xenbus.md). A driver registers a hook per
 * device; the save path - not written yet - calls xenbus_suspend_all
 * before SCHEDOP_shutdown(SHUTDOWN_suspend) and xenbus_resume_all after
 * it returns. Both run in thread context; hooks may block.
 */
#ifndef KERNEL_XENBUS_XENBUS_PM_H
#define KERNEL_XENBUS_XENBUS_PM_H

#include <pvmini/lib.h>

struct xenbus_pm_hook {
	const char *name; /* for messages: "console 1" */
	/* Stop using the device; 0, or a negative errno to refuse the
	 * suspend (the ones already suspended are then resumed). */
	int (*suspend)(void *data);
	/* cancelled: the suspend did not happen (a hook refused, or Xen
	 * returned at once), the old connection still stands; otherwise
	 * this is a new domain and the device must connect anew. */
	void (*resume)(void *data, bool cancelled);
	void *data;
	struct xenbus_pm_hook *prev, *next; /* private */
	bool suspended;			    /* private */
};

void xenbus_pm_register(struct xenbus_pm_hook *h);
void xenbus_pm_unregister(struct xenbus_pm_hook *h);
/*
 * Suspends every registered device, newest first. If a hook refuses,
 * the devices it already suspended are resumed (cancelled = true), in
 * the reverse order, and its error is returned; *refused names it.
 */
int xenbus_suspend_all(const char **refused);
/* Resumes every device suspended, oldest first. */
void xenbus_resume_all(bool cancelled);

#endif
