/*
 * grant_refs.h - the free list of grant references
 * (kernel/xenbus/grant_refs.c): pure, unit-tested on the host.
 */
#ifndef KERNEL_XENBUS_GRANT_REFS_H
#define KERNEL_XENBUS_GRANT_REFS_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

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

#endif
