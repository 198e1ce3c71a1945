/*
 * console_dev.h - further PV consoles: device/console/N for N >= 1.
 *
 * The console in start_info (console.h) is console 0. The toolstack
 * adds one console device per `channel = [...]` entry of the xl cfg,
 * each with the channel's name; dom0's device model (QEMU) is the
 * backend and connects it to a pty or a socket there. A console device
 * is a byte pipe, written and read as is (no CR LF translation).
 *
 * Opening one is the xenbus handshake (kernel/xenbus/frontend.c, for
 * every PV device; docs/xenbus.md): share a ring page through a grant,
 * offer an event channel, publish both in xenstore and wait for the
 * backend to connect. Every call returns 0, a count, or a negative Xen
 * errno:
 *   -XEN_ENOENT   no such console, or no console with that name
 *   -XEN_EBUSY    it is open already (here, or by a frontend that is
 *                 not Initialising or Closed: another instance of us)
 *   -XEN_EBADMSG  xenstore holds something malformed for it (its
 *                 backend's state node included)
 *   -XEN_ETIMEDOUT the backend did not connect / stopped consuming /
 *                 did not close
 *   -XEN_ENOTCONN the backend went away (closed, or its domain died)
 *   -XEN_EIO      the backend broke the ring's indexes
 *   -XEN_ENODEV   no xenstore (dom0)
 */
#ifndef PVMINI_CONSOLE_DEV_H
#define PVMINI_CONSOLE_DEV_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

struct console_dev;

/* The console device numbers in xenstore, into ids[max]; returns how
 * many there are (which may exceed max). */
int console_dev_list(unsigned int *ids, unsigned int max);
/* Its name (a channel's name=), into buf; "" if it has none. */
int console_dev_name_of(unsigned int id, char *buf, size_t size);

/*
 * Connects console id (waits for the backend, at most 10 s). A device
 * closed before is reset and connected anew. A socket channel works on
 * after that; a pty channel does not: Debian 12's QEMU (7.2) cannot
 * recreate its pty ("duplicate property 'xencons1'" in its log) and
 * drops what passes after the reopen.
 */
int console_dev_open(unsigned int id, struct console_dev **out);
/* Connects the console whose name is name. */
int console_dev_open_name(const char *name, struct console_dev **out);

/* Writes all of buf, waiting for room as the backend consumes; returns
 * n, or fewer (then the next call reports why) once the backend has
 * taken nothing for 5 s or is gone. */
long console_dev_write(struct console_dev *c, const void *buf, size_t n);
/* Waits for input and returns 1..n bytes; 0 once the backend is gone
 * and everything it sent was read (end of file). */
long console_dev_read(struct console_dev *c, void *buf, size_t n);
/* The same without waiting: 0 when nothing is there. */
long console_dev_read_nowait(struct console_dev *c, void *buf, size_t n);
/* Waits (at most 1 s) until the backend has consumed all output. */
void console_dev_drain(struct console_dev *c);
/* Disconnects (xenbus Closing, Closed) and frees everything. Threads
 * blocked reading or writing it return first (0, -XEN_ENOTCONN); the
 * handle is gone afterwards. -XEN_ETIMEDOUT: the backend did not follow
 * within 2 s each step; the ring page and port it may still use stay
 * with it, never reused. */
int console_dev_close(struct console_dev *c);

/* What passed through a device since it was opened (bench/channel.sh). */
struct console_dev_stats {
	unsigned long bytes_out, bytes_in;
	unsigned long notifies; /* events we sent the backend */
	unsigned long events;	/* events it sent us */
	unsigned long kicks;	/* notifies after writes, for a stuck backend */
};
void console_dev_get_stats(const struct console_dev *c,
			   struct console_dev_stats *out);

unsigned int console_dev_id(const struct console_dev *c);
const char *console_dev_name(const struct console_dev *c);

#endif
