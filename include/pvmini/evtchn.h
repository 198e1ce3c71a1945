/*
 * evtchn.h - event channels: Xen's interrupts. A port is a number in
 * this domain; a handler bound to it runs from the event upcall, with
 * events masked, whenever the port becomes pending (kernel/xen/evtchn.c).
 *
 * Every function returns 0 (or the new port) on success and a negative
 * Xen errno (XEN_EINVAL for a port out of range or not bound here) on
 * failure; a bad port never crashes or hangs.
 */
#ifndef PVMINI_EVTCHN_H
#define PVMINI_EVTCHN_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>
#include <xen/errno.h>

/* The 2-level ABI: one pending bit per port, 64 words of 64 bits. */
#define EVTCHN_PORTS (sizeof(xen_ulong_t) * 8 * sizeof(xen_ulong_t) * 8)

typedef void (*evtchn_handler_t)(evtchn_port_t port, void *data);

/* Binds a virtual IRQ (VIRQ_TIMER, ...) of vCPU 0 to a new port. */
int evtchn_bind_virq(uint32_t virq, evtchn_handler_t fn, void *data);
/* A new port that domain `remote` may connect to (DOMID_SELF: loopback). */
int evtchn_alloc_unbound(domid_t remote, evtchn_handler_t fn, void *data);
/* Connects a new local port to `remote_port` of domain `remote`. */
int evtchn_bind_interdomain(domid_t remote, evtchn_port_t remote_port,
			    evtchn_handler_t fn, void *data);
/* A port the domain builder bound for us (xenstore's): handler only.
 * -XEN_EINVAL if out of range or bound here already. */
int evtchn_bind_existing(evtchn_port_t port, evtchn_handler_t fn, void *data);
/* Makes the other end pending. */
int evtchn_notify(evtchn_port_t port);
/* Stops / resumes delivery; an event raised while masked is kept. */
int evtchn_mask(evtchn_port_t port);
int evtchn_unmask(evtchn_port_t port);
/*
 * For code that waits on a port with SCHEDOP_poll (which returns at once
 * while the port is pending): clear the pending bit before the wait, and
 * if the event must still reach the port's handler, repost it as Xen
 * would have raised it (the upcall then runs once events are unmasked).
 */
void evtchn_clear(evtchn_port_t port);
void evtchn_repost(evtchn_port_t port);
/*
 * Sleeps in Xen (SCHEDOP_poll on port) until done(arg) holds or
 * monotonic_ns() reaches deadline; returns whether done() held. Needs no
 * thread and works with events masked (a panic, an upcall), so it is how
 * consoles wait for their backend. The port's handler still runs for an
 * event the wait consumed.
 */
bool evtchn_poll_until(evtchn_port_t port, bool (*done)(void *arg), void *arg,
		       uint64_t deadline);
/* Unbinds: Xen frees the port, the handler is forgotten. */
int evtchn_close(evtchn_port_t port);

struct event_stats {
	unsigned long upcalls;	  /* entries into do_event_upcall */
	unsigned long dispatched; /* handlers run */
	unsigned long unhandled;  /* pending ports with no handler */
	unsigned long nested;	  /* upcalls that found one running */
	unsigned long fpu_saves;  /* ... that saved the FPU/SSE state */
	uintptr_t lowest_frame;	  /* lowest stack address an upcall used */
};
extern struct event_stats event_stats;

#endif
