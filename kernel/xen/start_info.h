/* start_info.h - the boot step that keeps start_info and maps shared_info. */
#ifndef KERNEL_XEN_START_INFO_H
#define KERNEL_XEN_START_INFO_H

#include <pvmini/xen.h>

/* Keeps si as start_info and maps shared_info; a failure ends the domain
 * (there is no console yet to say why). */
void start_info_init(const start_info_t *si);

#endif
