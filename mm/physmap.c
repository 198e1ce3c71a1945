/*
 * physmap.c - turning Xen's frame numbers into pointers, inside the
 * mapping the domain builder set up.
 *
 * Xen hands us machine frame numbers (the console page, for instance).
 * To reach such a frame we ask the M2P table which pfn holds it, and check
 * the answer against our own p2m list: the M2P entry of a frame that is
 * not ours is whatever another domain wrote there. The builder maps every
 * pfn it used from VIRT_BASE up to at least 512 KiB past the boot page
 * tables; the direct map (arch/x86/direct_map.c) extends that to all RAM.
 */
#include <arch/layout.h>
#include <pvmini/kernel.h>
#include <pvmini/mm.h>
#include <pvmini/p2m.h>
#include <pvmini/pagetable.h>

static unsigned long direct_end;

static const unsigned long *const m2p =
	(const unsigned long *)MACH2PHYS_VIRT_START;

unsigned long boot_end_pfn(void)
{
	/* The boot stack is the one page the builder puts after the page
	 * tables; everything else it allocated comes before them. */
	return (start_info->pt_base - VIRT_BASE) / PAGE_SIZE +
	       start_info->nr_pt_frames + 1;
}

/*
 * Builders map more than they promise (Xen's dom0 builder and libxenguest
 * round the mapping up to 4 MiB): find where it really ends, so the
 * kernel can use all of it. Run before anything is unmapped.
 */
void physmap_probe(void)
{
	unsigned long pfn = mapped_pfn_end();
	uint64_t maddr, pte;

	while (pfn < start_info->nr_pages &&
	       !pte_lookup((unsigned long)pfn_to_virt(pfn), &maddr, &pte))
		pfn++;
	direct_end = pfn;
}

unsigned long mapped_pfn_end(void)
{
	unsigned long pt_end = start_info->pt_base - VIRT_BASE +
			       start_info->nr_pt_frames * PAGE_SIZE;

	return (pt_end + 512 * 1024) >> PAGE_SHIFT;
}

unsigned long physmap_end(void)
{
	return direct_end ? direct_end : mapped_pfn_end();
}

void physmap_set_end(unsigned long pfn)
{
	direct_end = pfn;
}

void *mfn_to_virt(unsigned long mfn)
{
	unsigned long pfn;

	if (mfn >= MACH2PHYS_NR_ENTRIES)
		return NULL;
	pfn = m2p[mfn];
	/* Another domain's frame has a stale M2P entry: check our p2m. */
	if (pfn >= physmap_end() || !pfn_is_ours(pfn) || pfn_to_mfn(pfn) != mfn)
		return NULL;
	return pfn_to_virt(pfn);
}
