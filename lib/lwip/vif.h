/* vif.h - the stack on the domain's vifs (vif.c). */
#ifndef PVMINI_LWIP_VIF_H
#define PVMINI_LWIP_VIF_H

/* Opens every vif and follows device/vif; by pvnet_start, once the
 * stack runs. */
void pvnet_vifs_start(void);

#endif
