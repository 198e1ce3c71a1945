/*
 * events.h - the event upcall's inside: what kernel/xen/upcall.c and
 * kernel/xen/evtchn.c share, and the boot step. Apps use <pvmini/evtchn.h>.
 */
#ifndef KERNEL_XEN_EVENTS_H
#define KERNEL_XEN_EVENTS_H

#include <pvmini/xen.h>

/* Boot step: registers the event and failsafe callbacks with Xen. */
void events_init(void);
/* Called by the upcall for each pending, unmasked port it clears. */
void evtchn_dispatch(evtchn_port_t port);
/*
 * Forgets port's handler but leaves the port open in Xen, masked: for a
 * port a peer may still bind to (its number is published in xenstore),
 * which must therefore never be handed out again. -XEN_EINVAL if the
 * port is not bound here.
 */
int evtchn_abandon(evtchn_port_t port);
/* In a restored domain: forgets every binding (the ports were the old
 * domain's) and masks every port; owners bind theirs again. */
void evtchn_reset(void);
/* The port whose handler is running (timer callbacks run in
 * VIRQ_TIMER's), or -1 outside handlers: for code that must not run
 * there to say so. Set by evtchn_dispatch only; inline, as the
 * scheduler looks at every switch. */
extern int evtchn_running_port;
static inline int evtchn_handler_port(void)
{
	return evtchn_running_port;
}
/* The upcall itself, called from arch/x86/entry.S. */
struct cpu_regs;
void do_event_upcall(struct cpu_regs *regs);
/*
 * Runs as the outermost upcall ends, handlers done, events still masked,
 * with the frame of the context the upcall interrupted: a debugger
 * (kernel/debug/) stops the domain there when an event asked it to
 * (gdb's Ctrl-C). The upcall returns into regs as the hook left them.
 */
void events_set_upcall_exit_hook(void (*hook)(struct cpu_regs *regs));

#endif
