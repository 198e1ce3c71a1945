/*
 * console_dev_poll.h - a console device used with the domain stopped:
 * no thread runs, events stay masked, nothing may sleep on a wait queue.
 * A debugger (kernel/debug/) talks to gdb this way. The calls sleep in
 * Xen on the device's port instead (SCHEDOP_poll, evtchn_poll_until),
 * which works in a trap handler or at the end of an upcall.
 */
#ifndef KERNEL_DRIVERS_CONSOLE_CONSOLE_DEV_POLL_H
#define KERNEL_DRIVERS_CONSOLE_CONSOLE_DEV_POLL_H

#include <pvmini/console_dev.h>

/* fn runs from the device's event handler (upcall context, events
 * masked) after each event, input or not; NULL removes it. */
void console_dev_set_input_hook(struct console_dev *c,
				void (*fn)(struct console_dev *c));

/*
 * Takes up to n bytes of input, sleeping in Xen until some arrive or
 * monotonic_ns() reaches deadline. Returns the count, 0 at the deadline,
 * -XEN_ENOTCONN once the backend is gone and nothing is left, or
 * -XEN_EIO for a ring whose indexes the backend broke.
 */
long console_dev_poll_read(struct console_dev *c, void *buf, size_t n,
			   uint64_t deadline);

/*
 * Writes all of buf, sleeping in Xen while the ring is full. Returns n,
 * or what it wrote before the backend took nothing for stall_ns, went
 * away (-XEN_ENOTCONN if that was nothing) or broke the ring (-XEN_EIO).
 */
long console_dev_poll_write(struct console_dev *c, const void *buf, size_t n,
			    uint64_t stall_ns);

/* Bytes of output the backend has not taken yet (0 when drained). */
long console_dev_out_pending(struct console_dev *c);

/* Waits (at most a second) until the backend has taken all output,
 * and notifies it a few more times, for QEMU (below). */
void console_dev_poll_flush(struct console_dev *c);

/* Notifies the backend again: Debian 12's QEMU hands a pty only what it
 * takes at once and retries on our next notify (console_dev_io.c). */
void console_dev_poll_kick(struct console_dev *c);

#endif
