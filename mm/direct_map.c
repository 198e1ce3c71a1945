/*
 * direct_map.c - mapping all of RAM: the first 2 GiB at VIRT_BASE + pfn *
 * 4096 beside the image, the rest at HIGH_MAP_BASE + pfn * 4096
 * (arch/layout.h says why there).
 *
 * The domain builder maps only the image and what it allocated after it.
 * Everything else needs page tables, and in a PV guest page tables are
 * Xen's to validate: a page becomes a page table only when no writable
 * mapping of it exists, and every entry it holds must map a frame we own.
 * So a new table is zeroed and filled while it is still ordinary memory
 * (plain writes, no hypercall per entry), then in ONE batch its own
 * mapping is made read-only and it is linked into the level above.
 * A whole 2 MiB of mappings costs two mmu_update requests, and all the
 * requests of a call merge into one multicall entry (kernel/xen/multicall.c).
 */
#include <pvmini/kernel.h>
#include <pvmini/multicall.h>
#include <pvmini/trace.h>
#include "arch/x86/pagetable.h"
#include "arch/x86/pte.h"
#include "arch/x86/switch.h"
#include "mm/direct_map.h"
#include "mm/mm.h"
#include "mm/p2m.h"

extern char _text[], _data[], _end[];

/* The high window ends where the image's begins. */
#define DIRECT_MAP_PFNS ((VIRT_BASE - HIGH_MAP_BASE) >> PAGE_SHIFT)

struct pt_stats pt_stats;
static uint64_t nx; /* PTE_NX if the CPU and Xen allow it, else 0 */
static void *(*alloc_table)(void) = NULL;

static void *early_table(void)
{
	return early_alloc_pages(1);
}

static uint64_t pte_for(unsigned long pfn)
{
	return ((uint64_t)pfn_to_mfn(pfn) << PAGE_SHIFT) | PTE_PRESENT |
	       PTE_RW | PTE_ACCESSED | PTE_DIRTY | nx;
}

/* Queues: make `table` read-only, then link it at entry `slot_maddr`. */
static void queue_new_table(void *table, uint64_t slot_maddr)
{
	uint64_t maddr, pte;

	if (pte_lookup((unsigned long)table, &maddr, &pte))
		panic("direct map: new table %p is not mapped", table);
	mc_mmu_update(maddr | MMU_NORMAL_PT_UPDATE, pte & ~PTE_RW);
	mc_mmu_update(slot_maddr | MMU_NORMAL_PT_UPDATE,
		      (pte & PTE_ADDR_MASK) | PTE_PRESENT | PTE_RW | PTE_USER |
			      PTE_ACCESSED);
	pt_stats.tables++;
}

/*
 * The table one level below `table` (at machine address table_maddr, of
 * level `level`) that covers va, created empty if needed. A new table is
 * linked at once (its batch issued): the next lookup must find it in the
 * level above rather than create a second one for the same slot.
 */
static uint64_t *table_below(const uint64_t *table, uint64_t table_maddr,
			     unsigned long va, int level, uint64_t *maddr)
{
	uint64_t e = table[pt_index(va, level)];
	uint64_t *below;

	if (e & PTE_PRESENT) {
		*maddr = e & PTE_ADDR_MASK;
		below = mfn_to_virt(*maddr >> PAGE_SHIFT);
		if (!below)
			panic("direct map: a level-%d table of %#lx is not "
			      "mapped",
			      level - 1, va);
		return below;
	}
	below = alloc_table();
	queue_new_table(below, table_maddr + pt_index(va, level) * 8);
	*maddr = (uint64_t)pfn_to_mfn(virt_to_pfn(below)) << PAGE_SHIFT;
	mc_tlb_flush_local();
	if (mc_flush())
		panic("direct map: Xen refused a new level-%d table",
		      level - 1);
	mc_batch();
	return below;
}

/* The L2 table for va, and its L3, created (empty) if needed. */
static uint64_t *l2_for(unsigned long va, uint64_t *l2_maddr)
{
	const uint64_t *l4 = (const uint64_t *)start_info->pt_base;
	uint64_t l4_maddr = (uint64_t)pfn_to_mfn(virt_to_pfn(l4)) << PAGE_SHIFT;
	uint64_t l3_maddr, *l3 = table_below(l4, l4_maddr, va, 4, &l3_maddr);

	return table_below(l3, l3_maddr, va, 3, l2_maddr);
}

static bool any_frame(unsigned long pfn, unsigned long end)
{
	for (; pfn < end; pfn++)
		if (pfn_is_ours(pfn))
			return true;
	return false;
}

static void map_chunk(unsigned long pfn, unsigned long end)
{
	unsigned long va = (unsigned long)pfn_to_virt(pfn);
	uint64_t l2_maddr, *l2, *l1, e;

	if (!any_frame(pfn, end)) /* no table for memory not there yet */
		return;
	l2 = l2_for(va, &l2_maddr);
	e = l2[pt_index(va, 2)];

	if (e & PTE_PRESENT) { /* a live table: every entry via Xen */
		uint64_t l1_maddr = e & PTE_ADDR_MASK;

		l1 = mfn_to_virt(l1_maddr >> PAGE_SHIFT);
		for (; pfn < end; pfn++) {
			unsigned int i =
				pt_index((unsigned long)pfn_to_virt(pfn), 1);

			if (pfn_is_ours(pfn) && !(l1[i] & PTE_PRESENT)) {
				mc_mmu_update((l1_maddr + i * 8) |
						      MMU_NORMAL_PT_UPDATE,
					      pte_for(pfn));
				pt_stats.mapped++;
			}
		}
		return;
	}
	l1 = alloc_table(); /* fresh: fill it with plain writes */
	for (; pfn < end; pfn++) {
		if (pfn_is_ours(pfn)) {
			l1[pt_index((unsigned long)pfn_to_virt(pfn), 1)] =
				pte_for(pfn);
			pt_stats.mapped++;
		}
	}
	queue_new_table(l1, l2_maddr + pt_index(va, 2) * 8);
}

static void finish_batch(unsigned long mapped_up_to)
{
	mc_tlb_flush_local();
	if (mc_flush())
		panic("direct map: Xen refused a page-table update");
	if (mapped_up_to > physmap_end())
		physmap_set_end(mapped_up_to);
}

void direct_map_set_allocator(void *(*alloc)(void))
{
	alloc_table = alloc;
}

void map_pfns(unsigned long start, unsigned long end)
{
	unsigned long before = mc_stats.batches;

	if (end > DIRECT_MAP_PFNS) { /* some 120 TiB: not a real domain */
		printk("memory: pfns from %#lx on are not mapped\n",
		       DIRECT_MAP_PFNS);
		end = DIRECT_MAP_PFNS;
	}
	mc_batch();
	for (unsigned long pfn = start; pfn < end;) {
		unsigned long chunk_end = (pfn | (PT_ENTRIES - 1)) + 1;

		/* Early tables come from mapped memory: map what we have so
		 * far before it runs out, and the new mapping feeds the rest.
		 */
		if (alloc_table == early_table && !early_alloc_has(2)) {
			finish_batch(pfn);
			mc_batch();
		}
		map_chunk(pfn, chunk_end < end ? chunk_end : end);
		pfn = chunk_end;
	}
	finish_batch(end);
	pt_stats.hypercalls += mc_stats.batches - before;
}

/* Text read-only, everything else no-execute: a stray write or jump into
 * data faults instead of corrupting or running it. The boot stack's
 * lowest page goes away: an overflow faults rather than overwriting the
 * .bss below it. */
static void protect_image(void)
{
	uint64_t maddr, pte;

	mc_batch();
	for (char *p = _text; p < _data; p += PAGE_SIZE)
		if (!pte_lookup((unsigned long)p, &maddr, &pte))
			mc_mmu_update(maddr | MMU_NORMAL_PT_UPDATE,
				      pte & ~PTE_RW);
	for (unsigned long pfn = virt_to_pfn(_data); nx && pfn < physmap_end();
	     pfn++) {
		unsigned long va = (unsigned long)pfn_to_virt(pfn);

		if (!pte_lookup(va, &maddr, &pte) && !(pte & PTE_NX) &&
		    pfn_is_ours(pfn))
			mc_mmu_update(maddr | MMU_NORMAL_PT_UPDATE, pte | nx);
	}
	/* Last: the lookups above see the tables as they were before this
	 * batch, and the NX pass would map the guard page again. */
	if (!pte_lookup((unsigned long)boot_stack, &maddr, &pte))
		mc_mmu_update(maddr | MMU_NORMAL_PT_UPDATE, 0);
	mc_tlb_flush_local();
	if (mc_flush())
		panic("direct map: protecting the image failed");
}

void direct_map_init(void)
{
	nx = pte_nx_bit();
	alloc_table = early_table;
	protect_image();
	map_pfns(physmap_end(), p2m_size());
	trace_boot("mm: mapped %lu pages with %lu new tables in %lu "
		   "hypercall(s); text read-only, data %s, boot stack guard",
		   pt_stats.mapped, pt_stats.tables, pt_stats.hypercalls,
		   nx ? "no-execute" : "executable (no NX)");
}
