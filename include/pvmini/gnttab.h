/*
 * gnttab.h - grant tables (v1): letting another domain map one of our
 * pages. A grant is an entry { flags, domid, frame } in a table Xen reads;
 * its index, the grant reference, is what the other domain names.
 *
 * gnttab_grant_access and gnttab_end_access (kernel/gnttab.c) return 0 or
 * a ref on success and a negative Xen errno on failure. The free list of
 * refs (kernel/gnttab_freelist.c) is pure and unit-tested on the host.
 */
#ifndef PVMINI_GNTTAB_H
#define PVMINI_GNTTAB_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

/* --- The free list of refs: pure ------------------------------------ */
struct gnt_freelist {
	grant_ref_t *next; /* per ref: the next free one, or GNT_REF_USED */
	grant_ref_t head;  /* first free ref, or GNT_REF_NONE */
	unsigned int size, free, reserved;
};
#define GNT_REF_NONE 0xffffffffU
#define GNT_REF_USED 0xfffffffeU

/* Refs below `reserved` are never handed out (the toolstack's own). */
void gnt_freelist_init(struct gnt_freelist *fl, grant_ref_t *storage,
		       unsigned int size, unsigned int reserved);
/* A free ref, or -XEN_ENOSPC. */
long gnt_freelist_get(struct gnt_freelist *fl);
/* -XEN_EINVAL for a ref out of range, reserved or already free. */
int gnt_freelist_put(struct gnt_freelist *fl, grant_ref_t ref);

/* --- Grants (kernel/gnttab.c) ---------------------------------------- */
/* Sets the table up (GNTTABOP_setup_table) on first use; 0 or errno. */
int gnttab_init(void);
/* Grants domid access to the page at va (ours, page aligned). */
int gnttab_grant_access(domid_t domid, const void *va, bool readonly);
/* Revokes it; -XEN_EBUSY while the other domain still has it mapped,
 * -XEN_EINVAL for a ref that is not granted. */
int gnttab_end_access(grant_ref_t ref);
/* Refs the table holds, and how many are free. */
unsigned int gnttab_size(void);
unsigned int gnttab_free(void);

#endif
