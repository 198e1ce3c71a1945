/* pvclock.h - the pvclock's arithmetic (kernel/xen/time_math.c, pure). */
#ifndef KERNEL_XEN_PVCLOCK_H
#define KERNEL_XEN_PVCLOCK_H

#include <stdint.h>

/*
 * ((delta << shift) * mul) >> 32 without overflow for any delta: the
 * pvclock's TSC-to-nanoseconds scaling (shift may be negative).
 */
uint64_t pvclock_scale(uint64_t delta, uint32_t mul, int8_t shift);

/*
 * After a restore (docs/suspend.md): monotonic_ns() - Xen's time, so that
 * monotonic time goes on from suspend_mono plus the wall-clock time that
 * passed since suspend_wall (into *away; 0 if the wall clock went back).
 * xen_now and wall_now are read in the new domain, on whatever host.
 */
int64_t pvclock_resume_offset(uint64_t suspend_mono, uint64_t suspend_wall,
			      uint64_t xen_now, uint64_t wall_now,
			      uint64_t *away);

#endif
