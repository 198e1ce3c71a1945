/*
 * physmap.c - turning Xen's frame numbers into pointers, inside the
 * mapping the domain builder set up.
 *
 * Xen hands us machine frame numbers (the console page, for instance).
 * To reach such a frame we ask the M2P table which pfn holds it, and check
 * the answer against our own p2m list: the M2P entry of a frame that is
 * not ours is whatever another domain wrote there. The builder maps every
 * pfn it used from VIRT_BASE up to at least 512 KiB past the boot page
 * tables; the direct map (mm/direct_map.c) extends that to all RAM.
 */
#include <arch/layout.h>
#include <pvmini/kernel.h>
#include "arch/x86/pte.h"
#include "mm/direct_map.h"
#include "mm/mm.h"
#include "mm/p2m.h"

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

/*
 * Finding the entry that maps a virtual address. A PV guest's page tables
 * hold machine addresses, and it may read them (they are mapped
 * read-only) but never write them: changes go through Xen (mmu_update
 * names an entry by its machine address). So the walk goes L4 -> L1,
 * turning each table's machine frame back into a pointer with
 * mfn_to_virt above.
 */
int pte_lookup(unsigned long va, uint64_t *maddr, uint64_t *value)
{
	const uint64_t *table = (const uint64_t *)start_info->pt_base;
	uint64_t table_maddr = 0, entry;
	unsigned int i;

	for (int level = PT_LEVELS; level > 1; level--) {
		entry = table[pt_index(va, level)];
		if (!(entry & PTE_PRESENT) || (entry & PTE_PSE))
			return -1; /* not mapped, or not by a 4 KiB page */
		table_maddr = entry & PTE_ADDR_MASK;
		table = mfn_to_virt(table_maddr >> 12);
		if (!table)
			return -1;
	}
	i = pt_index(va, 1);
	entry = table[i];
	if (!(entry & PTE_PRESENT))
		return -1;
	*maddr = table_maddr + i * sizeof(uint64_t);
	*value = entry;
	return 0;
}

void physmap_audit(struct physmap_audit *a)
{
	uint64_t maddr, pte;

	memset(a, 0, sizeof(*a));
	for (unsigned long pfn = 0; pfn < p2m_size(); pfn++) {
		if (pte_lookup((unsigned long)pfn_to_virt(pfn), &maddr, &pte))
			continue;
		a->mapped++;
		if ((pte & PTE_RW) && !(pte & PTE_NX))
			a->wx++;
		if (((pte & PTE_ADDR_MASK) >> PAGE_SHIFT) == pfn_to_mfn(pfn))
			continue;
		if (a->stray < AUDIT_KEEP) {
			a->stray_pfn[a->stray] = pfn;
			a->stray_pte[a->stray] = pte;
		}
		a->stray++;
	}
}
