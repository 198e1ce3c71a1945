/*
 * trace.h - opt-in teaching output. `trace=boot` on the guest command line
 * makes every boot step print one line saying what it set up and with
 * which hypercall; `trace=devices` does the same for each step of a
 * device's xenbus handshake, `trace=suspend` for each step of a save,
 * restore or checkpoint (docs/suspend.md). Several: trace=boot,devices.
 */
#ifndef PVMINI_TRACE_H
#define PVMINI_TRACE_H

#include <pvmini/console.h>

enum trace_flag {
	TRACE_BOOT = 1 << 0,
	TRACE_DEVICES = 1 << 1, /* `trace=devices`: each xenbus step */
	TRACE_SUSPEND = 1 << 2, /* `trace=suspend`: each save/restore step */
};

extern unsigned int trace_flags;

#define trace(flag, prefix, fmt, ...)                                          \
	do {                                                                   \
		if (trace_flags & (flag))                                      \
			printk(prefix fmt "\n", ##__VA_ARGS__);                \
	} while (0)

#define trace_boot(fmt, ...) trace(TRACE_BOOT, "boot: ", fmt, ##__VA_ARGS__)
#define trace_dev(fmt, ...) trace(TRACE_DEVICES, "dev: ", fmt, ##__VA_ARGS__)
#define trace_suspend(fmt, ...)                                                \
	trace(TRACE_SUSPEND, "suspend: ", fmt, ##__VA_ARGS__)

#endif
