/*
 * clock.h - Xen's clock against monotonic_ns() (kernel/xen/pvclock.c).
 * They are the same clock until a restore; after it, monotonic time
 * runs on from where it stopped (docs/suspend.md), and whatever hands a
 * deadline to Xen (the one-shot timer, SCHEDOP_poll) converts it.
 */
#ifndef KERNEL_XEN_CLOCK_H
#define KERNEL_XEN_CLOCK_H

#include <stdint.h>

/* A monotonic_ns() deadline as Xen's system time. */
uint64_t monotonic_to_xen(uint64_t ns);
/* Notes the monotonic and the wall time as the domain goes away. */
void pvclock_suspend(void);
/*
 * In a new domain (restored): monotonic time goes on from what
 * pvclock_suspend noted plus the wall-clock time that passed meanwhile
 * (0 if the wall clock went back), which it returns. shared_info must
 * be the new one.
 */
uint64_t pvclock_resume(void);

#endif
