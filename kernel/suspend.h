/*
 * suspend.h - the boot step of kernel/suspend.c: advertise
 * feature-suspend and take "suspend" requests (docs/suspend.md). The
 * app's side is <pvmini/suspend.h>.
 */
#ifndef KERNEL_SUSPEND_H
#define KERNEL_SUSPEND_H

void suspend_init(void);

#endif
