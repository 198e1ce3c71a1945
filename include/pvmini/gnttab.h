/*
 * gnttab.h - grant tables (v1): letting another domain map one of our
 * pages. A grant is an entry { flags, domid, frame } in a table Xen reads;
 * its index, the grant reference, is what the other domain names.
 *
 * gnttab_grant_access and gnttab_end_access (kernel/xenbus/grant_table.c)
 * return 0 or a ref on success and a negative Xen errno on failure. The
 * table is set up (GNTTABOP_setup_table) on first use.
 */
#ifndef PVMINI_GNTTAB_H
#define PVMINI_GNTTAB_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

/* Grants domid access to the page at va (ours, page aligned): returns
 * the ref, or -XEN_EINVAL for a page that is not RAM of ours (a pfn
 * mapped 1:1, one without a frame) or whose frame is above 16 TiB (a v1
 * entry cannot name it). */
int gnttab_grant_access(domid_t domid, const void *va, bool readonly);
/* Revokes it; -XEN_EBUSY while the other domain still has it mapped,
 * -XEN_EINVAL for a ref that is not granted. */
int gnttab_end_access(grant_ref_t ref);
/* Refs the table holds, and how many are free. */
unsigned int gnttab_size(void);
unsigned int gnttab_free(void);

#endif
