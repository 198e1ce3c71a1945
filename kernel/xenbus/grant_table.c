/*
 * grant_table.c - grant tables, version 1. GNTTABOP_setup_table makes
 * Xen allocate the table's frames for us and tell their mfns; a PV guest
 * maps them itself, here over pages from the allocator whose own RAM
 * frames then go back to Xen (swap_in_foreign_frames, mm/balloon.c): a
 * frame mapped by nothing would stay ours for nothing, and the p2m must
 * name what the page shows. The table is data: mapped no-execute.
 *
 * An entry is granted by filling domid and frame first and the flags
 * last, behind a write barrier: Xen (on the other domain's map) reads
 * the flags and trusts the rest once they say GTF_permit_access. Only
 * RAM of ours is granted - never a pfn mapped 1:1 (firmware, device
 * memory), one without a frame, or a foreign frame - and only a frame a
 * v1 entry's 32-bit field can name (below 16 TiB): truncated, it would
 * name another domain's frame.
 *
 * Ending a grant races with the other domain mapping it: Xen sets
 * GTF_reading / GTF_writing in the same 16-bit flags word while a
 * mapping exists. So the flags are cleared with a compare-and-swap that
 * fails if either bit appeared, and a mapped grant is refused (EBUSY):
 * reusing its page while the other side can still read or write it
 * would leak or corrupt data.
 */
#include <arch/layout.h>
#include <pvmini/console.h>
#include <pvmini/gnttab.h>
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include "kernel/xenbus/grant_refs.h"
#include "kernel/xenbus/grant_table.h"
#include "mm/mm.h"
#include "mm/p2m.h"

#define GNT_FRAMES_ORDER 2 /* 4 frames: 2048 v1 entries */
#define GNT_FRAMES (1U << GNT_FRAMES_ORDER)
#define GNT_PER_FRAME (PAGE_SIZE / sizeof(grant_entry_v1_t))
#define GNT_ENTRIES (GNT_FRAMES * GNT_PER_FRAME)

static grant_entry_v1_t *table;
static struct gnt_freelist freelist;

/* Xen's frames for our table, into frames[GNT_FRAMES]. */
static int setup_table(xen_pfn_t *frames)
{
	struct gnttab_setup_table op = { .dom = DOMID_SELF,
					 .nr_frames = GNT_FRAMES };
	long rc;

	set_xen_guest_handle(op.frame_list, frames);
	rc = xen_grant_table_op(GNTTABOP_setup_table, &op, 1);
	if (rc || op.status) {
		printk("gnttab: setup_table: rc %ld, status %d\n", rc,
		       op.status);
		return rc ? (int)rc : -XEN_EIO;
	}
	return 0;
}

static int gnttab_init(void)
{
	xen_pfn_t frames[GNT_FRAMES];
	grant_ref_t *free_storage;
	char *va;
	long rc;

	if (table)
		return 0;
	rc = setup_table(frames);
	if (rc)
		return (int)rc;
	/* Heap, not .bss: only domains that grant pay for the list. */
	free_storage = kmalloc(GNT_ENTRIES * sizeof(*free_storage));
	va = alloc_pages(GNT_FRAMES_ORDER);
	rc = va && free_storage ? 0 : -XEN_ENOMEM;
	if (!rc)
		rc = swap_in_foreign_frames(va, frames, GNT_FRAMES);
	if (rc) {
		printk("gnttab: no table: %ld\n", rc);
		if (va)
			free_pages(va, GNT_FRAMES_ORDER);
		kfree(free_storage);
		return (int)rc;
	}
	table = (grant_entry_v1_t *)va;
	/* The toolstack's refs (console, xenstore) are not ours to give. */
	gnt_freelist_init(&freelist, free_storage, GNT_ENTRIES,
			  GNTTAB_NR_RESERVED_ENTRIES);
	trace_boot("gnttab: v1 table of %u frames (%lu refs) at %p "
		   "(setup_table), no-execute, RAM frames under it given back",
		   GNT_FRAMES, (unsigned long)GNT_ENTRIES, table);
	return 0;
}

int gnttab_grant_access(domid_t domid, const void *va, bool readonly)
{
	unsigned long pfn = virt_to_pfn(va), mfn;
	long ref;
	int rc = gnttab_init();

	if (rc)
		return rc;
	if ((uintptr_t)va & (PAGE_SIZE - 1))
		return -XEN_EINVAL;
	/* Before pfn_is_ours, which reads the M2P at that frame. */
	mfn = pfn_to_mfn(pfn);
	if (mfn != INVALID_MFN && mfn > UINT32_MAX) {
		printk("gnttab: frame %#lx of pfn %#lx is above 16 TiB: a v1 "
		       "grant cannot name it\n",
		       mfn, pfn);
		return -XEN_EINVAL;
	}
	if (!pfn_is_ours(pfn)) {
		printk("gnttab: pfn %#lx is not RAM of ours (p2m %#lx): not "
		       "granted\n",
		       pfn, mfn);
		return -XEN_EINVAL;
	}
	ref = gnt_freelist_get(&freelist);
	if (ref < 0)
		return (int)ref;
	table[ref].domid = domid;
	table[ref].frame = (uint32_t)mfn;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	__atomic_store_n(&table[ref].flags,
			 GTF_permit_access | (readonly ? GTF_readonly : 0),
			 __ATOMIC_RELEASE);
	return (int)ref;
}

int gnttab_end_access(grant_ref_t ref)
{
	uint16_t flags;

	if (!table || ref >= GNT_ENTRIES || ref < GNTTAB_NR_RESERVED_ENTRIES)
		return -XEN_EINVAL;
	flags = __atomic_load_n(&table[ref].flags, __ATOMIC_ACQUIRE);
	do {
		if (!(flags & GTF_permit_access))
			return -XEN_EINVAL;
		if (flags & (GTF_reading | GTF_writing))
			return -XEN_EBUSY;
	} while (!__atomic_compare_exchange_n(&table[ref].flags, &flags, 0,
					      false, __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	return gnt_freelist_put(&freelist, ref);
}

unsigned int gnttab_size(void)
{
	return table ? GNT_ENTRIES : 0;
}

unsigned int gnttab_free(void)
{
	return table ? freelist.free : 0;
}

/*
 * Suspend and resume (docs/suspend.md). The table's frames are Xen's,
 * not our RAM: the save code refuses their mapping, and does not save
 * them. So the live grants are noted by pfn first, and the frames
 * unmapped. In a new domain the table is Xen's new one, holding only
 * the toolstack's entries (console, xenstore): every grant that was
 * live is given again, same ref, same domain, to the page's new frame -
 * a driver that reconnects keeps its refs, and an app its grants. After
 * a checkpoint Xen's table is as it was and only the mapping comes back.
 */
struct live_grant {
	grant_ref_t ref;
	domid_t domid;
	uint16_t flags;
	unsigned long pfn;
};
static struct live_grant *live;
static unsigned int nr_live;

int gnttab_suspend(void)
{
	unsigned int n = 0;
	int rc;

	if (!table)
		return 0;
	for (grant_ref_t r = GNTTAB_NR_RESERVED_ENTRIES; r < GNT_ENTRIES; r++)
		n += !!(table[r].flags & GTF_permit_access);
	live = n ? kmalloc(n * sizeof(*live)) : NULL;
	if (n && !live)
		return -XEN_ENOMEM;
	nr_live = 0;
	for (grant_ref_t r = GNTTAB_NR_RESERVED_ENTRIES; r < GNT_ENTRIES; r++) {
		grant_entry_v1_t e = table[r];
		unsigned long pfn = mfn_to_pfn(e.frame);

		if (!(e.flags & GTF_permit_access) || nr_live == n)
			continue;
		/* Only RAM of ours is ever granted (see above). */
		if (!pfn_is_ours(pfn) || pfn_to_mfn(pfn) != e.frame) {
			printk("gnttab: ref %u names frame %#x, not ours: not "
			       "given again\n",
			       r, e.frame);
			continue;
		}
		live[nr_live++] = (struct live_grant){
			r, e.domid,
			e.flags & (GTF_permit_access | GTF_readonly), pfn
		};
	}
	rc = unmap_foreign_frames(table, GNT_FRAMES);
	if (rc) {
		kfree(live);
		live = NULL;
		return rc;
	}
	trace_suspend("gnttab: %u live grant(s) noted by pfn; the table's %u "
		      "frames unmapped",
		      nr_live, GNT_FRAMES);
	return 0;
}

void gnttab_resume(bool new_domain)
{
	xen_pfn_t frames[GNT_FRAMES];
	int rc;

	if (!table)
		return;
	rc = setup_table(frames);
	if (!rc)
		rc = map_foreign_frames(table, frames, GNT_FRAMES);
	if (rc) /* every grant op would fault on the unmapped table */
		panic("gnttab: cannot map the grant table again: %d", rc);
	for (unsigned int i = 0; new_domain && i < nr_live; i++) {
		grant_entry_v1_t *e = &table[live[i].ref];

		e->domid = live[i].domid;
		e->frame = (uint32_t)pfn_to_mfn(live[i].pfn);
		__atomic_thread_fence(__ATOMIC_RELEASE);
		__atomic_store_n(&e->flags, live[i].flags, __ATOMIC_RELEASE);
	}
	trace_suspend("gnttab: table mapped again (setup_table)%s",
		      new_domain ? "; live grants given again to the new "
				   "frames"
				 : "");
	if (new_domain && nr_live)
		trace_suspend("gnttab: %u grant(s) given again", nr_live);
	kfree(live);
	live = NULL;
	nr_live = 0;
}
