/*
 * console_dev_internal.h - between kernel/drivers/console/console_dev.c (the
 * xenbus handshake) and kernel/drivers/console/console_dev_io.c (the data). Not
 * under include/: applications see struct console_dev as an opaque handle.
 */
#ifndef CONSOLE_DEV_INTERNAL_H
#define CONSOLE_DEV_INTERNAL_H

#include <pvmini/console_dev.h>
#include <pvmini/thread.h>
#include <pvmini/timer.h>
#include <pvmini/xenstore.h>

struct console_dev {
	unsigned int id;
	char name[64];
	char backend[96];	 /* the backend's directory */
	char be_state_path[104]; /* ... and its state node, watched */
	domid_t backend_id;
	struct xencons_interface *ring; /* shared with the backend */
	grant_ref_t ref;		/* 0: not granted (0 is reserved) */
	evtchn_port_t port;		/* 0: none (0 is never allocated) */
	int be_state;			/* the backend's XenbusState */
	bool gone;			/* the backend closed or vanished */
	bool closing;			/* console_dev_close has begun */
	bool broken;		   /* it broke the ring's indexes (said once) */
	struct wait_queue wq;	   /* room, input, backend state, deadlines */
	struct mutex wlock, rlock; /* one writer, one reader at a time */
	struct xs_watch watch;
	struct console_dev_stats stats;
	struct timer kick; /* extra notifies after writes (_io.c) */
	uint64_t last_write_ns, kick_ns;
	struct console_dev *next;
};

extern struct console_dev *console_devs;

/* The shutdown path: drains every open console device, in any context. */
void console_dev_drain_all(void);

#endif
