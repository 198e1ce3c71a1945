/*
 * xenbus_pm.h - lists of suspend/resume hooks (kernel/xenbus/xenbus_pm.c,
 * pure: tests/unit/test_xenbus_pm.c), and the xenbus frontends' own list.
 *
 * When a domain is saved (xl save), every shared ring, grant and event
 * channel it had is gone when it runs again, in a new domain with new
 * backends: each frontend must have quiesced before and must connect
 * anew after (docs/xenbus.md). A driver registers a hook per device;
 * the suspend sequence (kernel/suspend.c, docs/suspend.md) runs
 * xenbus_suspend_devices before SCHEDOP_shutdown(SHUTDOWN_suspend) and
 * xenbus_resume_devices after it returns. The hook is the app API's
 * struct suspend_hook (<pvmini/suspend.h>): apps' hooks are another
 * list of the same kind. Both run in thread context; hooks may block.
 */
#ifndef KERNEL_XENBUS_XENBUS_PM_H
#define KERNEL_XENBUS_XENBUS_PM_H

#include <pvmini/suspend.h>

/* Hooks, oldest first. */
struct pm_list {
	struct suspend_hook *head, *tail;
};

void pm_list_add(struct pm_list *l, struct suspend_hook *h);
void pm_list_remove(struct pm_list *l, struct suspend_hook *h);
/*
 * Suspends every hook of l, newest first. If one refuses, those it
 * already suspended are resumed (cancelled = true), in the reverse
 * order, and its error is returned; *refused names it.
 */
int pm_list_suspend(struct pm_list *l, const char **refused);
/* Resumes every hook suspended, oldest first. */
void pm_list_resume(struct pm_list *l, bool cancelled);

/* The frontends' list (one hook per open device). */
void xenbus_pm_register(struct suspend_hook *h);
void xenbus_pm_unregister(struct suspend_hook *h);
int xenbus_suspend_all(const char **refused);
void xenbus_resume_all(bool cancelled);

#endif
