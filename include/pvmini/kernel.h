/*
 * kernel.h - the boot sequence's shared state and how the kernel ends.
 */
#ifndef PVMINI_KERNEL_H
#define PVMINI_KERNEL_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

/* Filled in by the domain builder, kept for the whole life of the guest. */
extern const start_info_t *start_info;
/* Xen's per-domain page: vcpu_info, event bitmaps, wall clock. */
extern struct shared_info *shared_info;

static inline bool is_dom0(void)
{
	return start_info->flags & SIF_INITDOMAIN;
}

/* Ends the domain with a SHUTDOWN_* reason after draining the console. */
__noreturn void domain_shutdown(unsigned int reason);
/* The app is done: 0 powers off, anything else says so and crashes. */
__noreturn void app_exit(int rc);
/* Prints the message and a backtrace, then ends with SHUTDOWN_crash. */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

#endif
