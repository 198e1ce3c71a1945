/*
 * console_dev_internal.h - between kernel/drivers/console/console_dev.c
 * (opening and closing, over the xenbus frontend layer) and
 * kernel/drivers/console/console_dev_io.c (the data). Not under include/:
 * applications see struct console_dev as an opaque handle.
 */
#ifndef CONSOLE_DEV_INTERNAL_H
#define CONSOLE_DEV_INTERNAL_H

#include <pvmini/console_dev.h>
#include <pvmini/thread.h>
#include <pvmini/timer.h>
#include "kernel/xenbus/frontend.h"

struct console_dev {
	/* The handshake's state; xb.wq is the device's one wait queue
	 * (room, input, backend state, deadlines) and xb.be_gone says the
	 * backend closed or vanished. */
	struct xenbus_dev xb;
	char name[64];
	struct xencons_interface *ring; /* shared with the backend */
	evtchn_port_t port;
	bool closing;		   /* console_dev_close has begun */
	bool broken;		   /* it broke the ring's indexes (said once) */
	struct mutex wlock, rlock; /* one writer, one reader at a time */
	struct console_dev_stats stats;
	struct timer kick; /* extra notifies after writes (_io.c) */
	/* Called from the event handler (console_dev_poll.c sets it). */
	void (*input_hook)(struct console_dev *c);
	uint64_t last_write_ns, kick_ns;
	/* Suspend (console_dev_pm.c): while suspended, readers and writers
	 * wait and nothing notifies (the port may be the old domain's);
	 * resumes counts the resumes, so a write's stall bound restarts. */
	struct suspend_hook pm;
	bool suspended;
	unsigned long resumes;
	struct console_dev *next;
};

extern struct console_dev *console_devs;

/* The shutdown path: drains every open console device, in any context. */
void console_dev_drain_all(void);
/* Notifies the backend now and a few more times (_io.c: kicks). */
void console_dev_kick(struct console_dev *c);
/* console_dev_pm.c: the device's suspend hook, from open to close. */
void console_dev_pm_register(struct console_dev *c);
void console_dev_pm_unregister(struct console_dev *c);

#endif
