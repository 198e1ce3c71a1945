/* traps.h - the boot step that installs the exception handlers. */
#ifndef ARCH_X86_TRAPS_H
#define ARCH_X86_TRAPS_H

#include <stdbool.h>

/* Hands Xen the trap table (arch/x86/traps.c); every exception is fatal
 * and reported with registers and a backtrace. */
void traps_init(void);

/* Where Xen enters for an event upcall and for a failsafe return
 * (arch/x86/entry.S); kernel/xen/upcall.c registers them. */
extern char entry_event_upcall[], entry_failsafe[];

/* Called from entry.S with the frame it built: a fatal exception, and
 * Xen's failsafe callback. */
struct cpu_regs;
struct failsafe_frame;
void do_trap(struct cpu_regs *regs);
void do_failsafe(struct failsafe_frame *f);

/*
 * A debugger's first look at every exception (kernel/debug/): it returns
 * true when it dealt with it (a breakpoint, a step, or a crash it let
 * gdb inspect and resume), and do_trap then returns into regs as the
 * hook left them; false goes on to the fatal report. Not asked for a
 * trap taken while reporting one.
 */
void traps_set_debug_hook(bool (*hook)(struct cpu_regs *regs));

#endif
