/*
 * balloon.c - growing and shrinking the domain at run time.
 *
 * Down: take free pages, unmap them (Xen frees no frame that is still
 * mapped), give the frames back with XENMEM_decrease_reservation, and
 * mark the pfns invalid. Up: pick invalid pfns inside RAM of the memory
 * map (extra regions, or pages ballooned out before), ask Xen to back
 * them with XENMEM_populate_physmap (for a PV guest it returns the new
 * frames and updates the M2P itself), record them in the p2m, map them
 * and hand them to the page allocator. Swapping: pages of ours that
 * are to show a foreign frame (the grant table's) give their own frames
 * back, so that no RAM frame sits mapped by nothing.
 */
#include <pvmini/console.h>
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>
#include <pvmini/multicall.h>
#include <pvmini/page_alloc.h>
#include "arch/x86/pagetable.h"
#include "mm/direct_map.h"
#include "mm/mm.h"
#include "mm/p2m.h"

#define CHUNK 256

static xen_pfn_t frames[CHUNK];
static unsigned long pfns[CHUNK];
static unsigned long foreign_frames; /* pages showing foreign frames */

static long reservation(unsigned int cmd, unsigned long n)
{
	struct xen_memory_reservation r = {
		.nr_extents = n,
		.extent_order = 0,
		.domid = DOMID_SELF,
	};

	set_xen_guest_handle(r.extent_start, frames);
	return xen_memory_op(cmd, &r);
}

long balloon_down(unsigned long pages)
{
	unsigned long done = 0;

	while (done < pages) {
		unsigned long n = 0;
		long rc;

		mc_batch();
		while (n < CHUNK && done + n < pages) {
			void *va = alloc_pages(0);

			if (!va)
				break;
			pfns[n] = virt_to_pfn(va);
			frames[n] = pfn_to_mfn(pfns[n]);
			mc_update_va_mapping((unsigned long)va, 0, 0);
			n++;
		}
		mc_tlb_flush_local();
		if (mc_flush())
			panic("balloon: unmapping pages failed");
		if (!n)
			break;
		rc = reservation(XENMEM_decrease_reservation, n);
		if (rc != (long)n)
			panic("balloon: Xen took %ld of %lu pages", rc, n);
		for (unsigned long i = 0; i < n; i++)
			set_phys_to_machine(pfns[i], INVALID_MFN);
		done += n;
	}
	return done;
}

/* Invalid pfns that the map says are RAM: room to grow into. */
static unsigned long next_hole(unsigned long from)
{
	const struct e820_map *map = mem_info()->map;

	for (unsigned long pfn = from; pfn < p2m_size(); pfn++) {
		if (pfn_to_mfn(pfn) != INVALID_MFN)
			continue;
		for (unsigned int i = 0; i < map->nr; i++)
			if (map->entry[i].type == E820_RAM &&
			    pfn >= PFN_UP(map->entry[i].addr) &&
			    pfn < PFN_DOWN(map->entry[i].addr +
					   map->entry[i].size))
				return pfn;
	}
	return p2m_size();
}

long balloon_up(unsigned long pages)
{
	unsigned long done = 0, pfn = 0;

	while (done < pages) {
		unsigned long n = 0;
		long rc;

		for (; n < CHUNK && done + n < pages; n++) {
			pfn = next_hole(n ? pfns[n - 1] + 1 : pfn);
			if (pfn == p2m_size())
				break;
			pfns[n] = frames[n] = pfn;
		}
		if (!n)
			break;
		rc = reservation(XENMEM_populate_physmap, n);
		if (rc < 0)
			rc = 0; /* refused outright: nothing was added */
		for (long i = 0; i < rc; i++)
			set_phys_to_machine(pfns[i], frames[i]);
		if (rc) {
			map_pfns(pfns[0], pfns[rc - 1] + 1);
			for (long i = 0; i < rc; i++)
				page_alloc_add(pfns[i], 1);
		}
		done += rc;
		if (rc < (long)n) /* Xen's limit: the toolstack's target */
			break;
		pfn = pfns[n - 1] + 1;
	}
	return done;
}

/*
 * Mapping a foreign frame over a page of the direct map leaves the RAM
 * frame behind it mapped by nothing, yet counted as ours: a leak, and a
 * p2m that names a frame the page no longer shows. So the RAM frames go
 * back to Xen and the p2m names the foreign ones (P2M_FOREIGN), which
 * also keeps the balloon from taking those pfns for empty RAM.
 */
/*
 * The RAM frames the p2m names for pfns [pfn, pfn + n) (in frames[]) are
 * no longer mapped anywhere: foreign frames (mfns) took their place. A
 * frame nobody can reach is a frame the domain pays for and never uses,
 * so Xen gets it back, and the p2m names what the pages show now.
 */
static void give_back_hidden(unsigned long pfn, const xen_pfn_t *mfns,
			     unsigned int n)
{
	long rc = reservation(XENMEM_decrease_reservation, n);

	if (rc != (long)n)
		panic("memory: Xen took %ld of %u frames behind foreign ones",
		      rc, n);
	for (unsigned int i = 0; i < n; i++)
		set_phys_to_machine(pfn + i, P2M_FOREIGN | mfns[i]);
	foreign_frames += n;
}

int swap_in_foreign_frames(void *va, const xen_pfn_t *mfns, unsigned int n)
{
	unsigned long pfn = virt_to_pfn(va);
	unsigned int i;
	long rc = 0;

	if (n > CHUNK)
		return -XEN_EINVAL;
	for (i = 0; i < n; i++) {
		frames[i] = pfn_to_mfn(pfn + i);
		rc = map_machine_page_nx((char *)va + i * PAGE_SIZE,
					 (uint64_t)mfns[i] << PAGE_SHIFT);
		if (rc)
			break;
	}
	if (rc) { /* put back the pages already swapped, then refuse */
		printk("memory: mapping foreign frame %#lx: %ld\n",
		       (unsigned long)mfns[i], rc);
		while (i-- > 0)
			if (map_machine_page_nx((char *)va + i * PAGE_SIZE,
						(uint64_t)frames[i]
							<< PAGE_SHIFT))
				panic("memory: cannot map pfn %#lx back",
				      pfn + i);
		return (int)rc;
	}
	give_back_hidden(pfn, mfns, n);
	return 0;
}

void adopt_foreign_frame(void *va, xen_pfn_t mfn)
{
	unsigned long pfn = virt_to_pfn(va);

	frames[0] = pfn_to_mfn(pfn);
	give_back_hidden(pfn, &mfn, 1);
}

/*
 * Suspend and resume (docs/suspend.md): the save code refuses a page
 * table entry that maps a frame that is not our RAM, so the pages that
 * show foreign frames are unmapped first and their p2m entries say "no
 * frame" (there is no RAM of ours behind them: it went back to Xen).
 * Afterwards the owner maps the frames again, the same ones or a new
 * domain's, over the same pages.
 */
int unmap_foreign_frames(void *va, unsigned int n)
{
	unsigned long pfn = virt_to_pfn(va);

	for (unsigned int i = 0; i < n; i++)
		if (!(p2m_entry(pfn + i) & P2M_FOREIGN) ||
		    p2m_entry(pfn + i) == INVALID_MFN)
			return -XEN_EINVAL;
	for (unsigned int i = 0; i < n; i++) {
		long rc = guard_page((char *)va + i * PAGE_SIZE);

		if (rc)
			panic("memory: unmapping foreign pfn %#lx: %ld",
			      pfn + i, rc);
		set_phys_to_machine(pfn + i, INVALID_MFN);
	}
	foreign_frames -= n;
	return 0;
}

int map_foreign_frames(void *va, const xen_pfn_t *mfns, unsigned int n)
{
	unsigned long pfn = virt_to_pfn(va);
	unsigned int i;
	long rc = 0;

	for (i = 0; i < n; i++)
		if (p2m_entry(pfn + i) != INVALID_MFN)
			return -XEN_EINVAL; /* RAM of ours, or mapped already */
	for (i = 0; i < n && !rc; i++)
		rc = map_machine_page_nx((char *)va + i * PAGE_SIZE,
					 (uint64_t)mfns[i] << PAGE_SHIFT);
	if (rc) {
		printk("memory: mapping foreign frame %#lx: %ld\n",
		       (unsigned long)mfns[i - 1], rc);
		while (i-- > 0)
			guard_page((char *)va + i * PAGE_SIZE);
		return (int)rc;
	}
	for (i = 0; i < n; i++)
		set_phys_to_machine(pfn + i, P2M_FOREIGN | mfns[i]);
	foreign_frames += n;
	return 0;
}

unsigned long foreign_frame_count(void)
{
	return foreign_frames;
}
