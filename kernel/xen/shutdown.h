/*
 * shutdown.h - what runs just before the domain ends (kernel/xen/shutdown.c).
 * Layers above register here: the shutdown path must not know them.
 */
#ifndef KERNEL_XEN_SHUTDOWN_H
#define KERNEL_XEN_SHUTDOWN_H

/*
 * A drain: pushes out what would die with the domain (text in a console
 * ring). Drains run in the reverse order of registration, so a device
 * opened later drains before console 0, and each must work in any
 * context (events masked, in a panic) and be bounded in time.
 */
struct shutdown_drain {
	void (*fn)(void);
	struct shutdown_drain *next; /* private */
};
void shutdown_drain_register(struct shutdown_drain *d);

/*
 * SCHEDOP_shutdown(SHUTDOWN_suspend), start_info's mfn in %rdx as the
 * save code wants it. Runs no drain. Returns 0 when the domain runs
 * again as a new domain (restored), 1 when it runs on in the same one
 * (a checkpoint, xl save -c, or a cancelled suspend), or a negative Xen
 * errno if Xen refused.
 */
long shutdown_suspend(unsigned long start_info_mfn);

/*
 * A debugger's hook (kernel/debug/): runs once, first, when the domain
 * begins to end, with the SHUTDOWN_* reason: it tells gdb, and on a
 * crash lets gdb look at it before the domain goes.
 */
void shutdown_set_debug_hook(void (*hook)(unsigned int reason));

#endif
