/*
 * physmap.c - turning Xen's frame numbers into pointers, inside the
 * mapping the domain builder set up.
 *
 * Xen hands us machine frame numbers (the console page, for instance).
 * To reach such a frame we ask the M2P table which pfn holds it, and check
 * the answer against our own p2m list: the M2P entry of a frame that is
 * not ours is whatever another domain wrote there. The builder maps every
 * pfn it used from VIRT_BASE up to at least 512 KiB past the boot page
 * tables; that is the range we accept.
 */
#include <arch/layout.h>
#include <pvmini/kernel.h>
#include <pvmini/mm.h>

static const unsigned long *const m2p =
	(const unsigned long *)MACH2PHYS_VIRT_START;

unsigned long boot_end_pfn(void)
{
	/* The boot stack is the one page the builder puts after the page
	 * tables; everything else it allocated comes before them. */
	return (start_info->pt_base - VIRT_BASE) / PAGE_SIZE +
	       start_info->nr_pt_frames + 1;
}

unsigned long mapped_pfn_end(void)
{
	unsigned long pt_end = start_info->pt_base - VIRT_BASE +
			       start_info->nr_pt_frames * PAGE_SIZE;

	return (pt_end + 512 * 1024) >> PAGE_SHIFT;
}

void *mfn_to_virt(unsigned long mfn)
{
	const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
	unsigned long pfn;

	if (mfn >= MACH2PHYS_NR_ENTRIES)
		return NULL;
	pfn = m2p[mfn];
	if (pfn >= start_info->nr_pages || p2m[pfn] != mfn ||
	    pfn >= mapped_pfn_end())
		return NULL;
	return (void *)(VIRT_BASE + (pfn << PAGE_SHIFT));
}
