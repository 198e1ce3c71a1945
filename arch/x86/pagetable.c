/*
 * pagetable.c - finding the entry that maps a virtual address.
 *
 * A PV guest's page tables hold machine addresses, and it may read them
 * (they are mapped read-only) but never write them: changes go through
 * Xen (mmu_update names an entry by its machine address). So finding an
 * entry means walking L4 -> L1, turning each table's machine frame back
 * into a pointer through the M2P table (mm/physmap.c).
 */
#include <arch/pte.h>
#include <pvmini/kernel.h>
#include <pvmini/mm.h>
#include <pvmini/pagetable.h>

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
