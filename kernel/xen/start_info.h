/* start_info.h - the boot step that keeps start_info and maps shared_info. */
#ifndef KERNEL_XEN_START_INFO_H
#define KERNEL_XEN_START_INFO_H

#include <pvmini/xen.h>

/* Keeps si as start_info and maps shared_info; a failure ends the domain
 * (there is no console yet to say why). */
void start_info_init(const start_info_t *si);

/*
 * Suspend and resume (docs/suspend.md). shared_info_detach points
 * shared_info at a copy in our own memory and returns the address of
 * the real page, which the caller then unmaps (the save code refuses a
 * mapping of a frame that is not our RAM); shared_info_attach points it
 * back once the caller has mapped the (old or new) frame there again.
 */
void *shared_info_detach(void);
void shared_info_attach(void);
/* start_info's store and console frames: pfns while suspended (the
 * restore code turns them into the new domain's mfns), mfns otherwise. */
void start_info_set_ring_frames(xen_pfn_t store, xen_pfn_t console);

#endif
