/* sys_wait.h - the one blocking wait under lwIP's OS layer (sys_arch.c). */
#ifndef PVMINI_LWIP_SYS_WAIT_H
#define PVMINI_LWIP_SYS_WAIT_H

#include <stdbool.h>

#include "lwip/sys.h"

struct wait_queue;

/*
 * Sleeps on wq until take(what) succeeds (it is called with events
 * masked, and takes what it found: a count, a message) or timeout_ms pass
 * (0: no limit). Returns the ms waited, or SYS_ARCH_TIMEOUT. Whoever makes
 * take() succeed wakes wq.
 */
u32_t sys_wait(struct wait_queue *wq, bool (*take)(void *), void *what,
	       u32_t timeout_ms);

#endif
