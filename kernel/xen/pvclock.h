/* pvclock.h - the pvclock's arithmetic (kernel/xen/time_math.c, pure). */
#ifndef KERNEL_XEN_PVCLOCK_H
#define KERNEL_XEN_PVCLOCK_H

#include <stdint.h>

/*
 * ((delta << shift) * mul) >> 32 without overflow for any delta: the
 * pvclock's TSC-to-nanoseconds scaling (shift may be negative).
 */
uint64_t pvclock_scale(uint64_t delta, uint32_t mul, int8_t shift);

#endif
