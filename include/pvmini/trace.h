/*
 * trace.h - opt-in teaching output. `trace=boot` on the guest command line
 * makes every boot step print one line saying what it set up and with
 * which hypercall.
 */
#ifndef PVMINI_TRACE_H
#define PVMINI_TRACE_H

#include <pvmini/console.h>

enum trace_flag {
	TRACE_BOOT = 1 << 0,
};

extern unsigned int trace_flags;

#define trace(flag, fmt, ...)                                                  \
	do {                                                                   \
		if (trace_flags & (flag))                                      \
			printk("boot: " fmt "\n", ##__VA_ARGS__);              \
	} while (0)

#define trace_boot(fmt, ...) trace(TRACE_BOOT, fmt, ##__VA_ARGS__)

#endif
