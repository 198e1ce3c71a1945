/* loopif.h - the loopback interface (loopif.c). */
#ifndef PVMINI_LWIP_LOOPIF_H
#define PVMINI_LWIP_LOOPIF_H

#include "lwip/err.h"
#include "lwip/pbuf.h"

/* Adds lo (127.0.0.1/8); in the tcpip thread, core locked. */
void loopif_add(void);
/* Delivers an IP packet back to the stack, as a message to the tcpip
 * thread: lo's output, and any interface's for its own address. */
err_t loopif_deliver(struct pbuf *p);

#endif
