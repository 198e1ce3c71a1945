/* time.h - Xen system time: nanoseconds since the domain's boot. */
#ifndef PVMINI_TIME_H
#define PVMINI_TIME_H

#include <stdint.h>

/* Monotonic ns from vcpu 0's pvclock; needs shared_info mapped. */
uint64_t monotonic_ns(void);

#endif
