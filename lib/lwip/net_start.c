/*
 * net_start.c - starting lwIP once: tcpip_init makes the tcpip thread,
 * which runs the stack's timers and loopback's input, then the
 * loopback interface (lo, 127.0.0.1: loopif.c), then the domain's vifs
 * (vif.c). The first socket() does it; a thread that calls meanwhile waits
 * for the stack (not for the vifs) to be up.
 */
#include <errno.h>

#include "lwip/tcpip.h"

#include <pvmini/thread.h>

#include "include/pvnet.h"
#include "loopif.h"
#include "vif.h"

static enum { DOWN, STARTING, UP } state;
static struct wait_queue starters = WAIT_QUEUE_INIT;

/* In the tcpip thread, core locked. */
static void started(void *done)
{
	loopif_add();
	sys_sem_signal(done);
}

int pvnet_start(void)
{
	sys_sem_t done;

	if (state == STARTING)
		wait_event(starters, state != STARTING);
	if (state == UP)
		return 0;
	state = STARTING;
	if (sys_sem_new(&done, 0) != ERR_OK) {
		state = DOWN;
		wake_all(&starters);
		return ENOMEM;
	}
	/* Failing to make its mailbox, lock or thread, lwIP asserts: the
	 * domain stops with lwIP's message. */
	tcpip_init(started, &done);
	sys_arch_sem_wait(&done, 0);
	sys_sem_free(&done);
	state = UP;
	wake_all(&starters);
	/* After UP: adding an interface starts the stack, i.e. returns. */
	pvnet_vifs_start();
	return 0;
}
