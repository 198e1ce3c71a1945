/*
 * console.h - console 0 inside the kernel: the boot steps that start it
 * (kernel/main.c calls them). The app's side is <pvmini/console.h>.
 */
#ifndef KERNEL_DRIVERS_CONSOLE_CONSOLE_H
#define KERNEL_DRIVERS_CONSOLE_CONSOLE_H

#include <pvmini/xen.h>

/* Selects the console for this domain and makes it printk's output;
 * returns 0 or a negative errno. */
int console_init(const start_info_t *si);
/* Binds the console's event so that input wakes readers. */
void console_input_init(void);
/* A one-line description of the console in use, for the boot trace. */
const char *console_describe(void);
/* The domU backend (console_domu.c): the ring named in start_info. */
int ring_console_init(const start_info_t *si);
void ring_console_write(const char *s, size_t n);
void ring_console_drain(void);
size_t ring_console_read(char *buf, size_t n);
const char *ring_console_describe(void);

/* Boot trace: the further console devices the cfg created. */
void console_dev_trace_boot(void);

/*
 * Suspend and resume (docs/suspend.md). console_suspend drains console
 * 0 (bounded). console_resume in a new domain takes its new event
 * channel, for output and input, and must run before anything prints:
 * until then printk would notify the old domain's port number, which
 * in the new domain is nobody's or another channel's.
 */
void console_suspend(void);
void console_resume(bool new_domain);
void ring_console_resume(const start_info_t *si);
void console_input_resume(void);

#endif
