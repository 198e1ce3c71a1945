/*
 * gnttab_freelist.c - the free grant refs, a singly linked list threaded
 * through one array (pure: tests/unit/test_gnttab_freelist.c). A ref in
 * use is marked, so that ending a grant twice is an error, not a loop
 * in the list that would later hand one ref to two grants.
 */
#include "kernel/xenbus/grant_refs.h"
#include "lib/assert.h"

void gnt_freelist_init(struct gnt_freelist *fl, grant_ref_t *storage,
		       unsigned int size, unsigned int reserved)
{
	fl->next = storage;
	fl->size = size;
	fl->reserved = reserved < size ? reserved : size;
	fl->head = GNT_REF_NONE;
	fl->free = 0;
	for (unsigned int r = 0; r < fl->reserved; r++)
		storage[r] = GNT_REF_USED;
	/* Pushed from the top down, so low refs come out first. */
	for (unsigned int r = size; r-- > fl->reserved;) {
		storage[r] = fl->head;
		fl->head = r;
		fl->free++;
	}
}

long gnt_freelist_get(struct gnt_freelist *fl)
{
	grant_ref_t ref = fl->head;

	if (ref == GNT_REF_NONE)
		return -XEN_ENOSPC;
	/* Only init and put link a ref in, both a free one in range. */
	ASSERT(ref >= fl->reserved && ref < fl->size &&
	       fl->next[ref] != GNT_REF_USED);
	fl->head = fl->next[ref];
	fl->next[ref] = GNT_REF_USED;
	fl->free--;
	return ref;
}

int gnt_freelist_put(struct gnt_freelist *fl, grant_ref_t ref)
{
	if (ref >= fl->size || ref < fl->reserved ||
	    fl->next[ref] != GNT_REF_USED)
		return -XEN_EINVAL;
	fl->next[ref] = fl->head;
	fl->head = ref;
	fl->free++;
	return 0;
}
