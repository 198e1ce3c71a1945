/*
 * mmu.c - x86 page-table entries as Xen wants them from a PV guest.
 *
 * A PV guest never writes a live PTE that points at a frame it does not
 * own in the normal way; it asks Xen, which validates the entry. One entry
 * is one HYPERVISOR_update_va_mapping.
 */
#include <arch/layout.h>
#include <arch/pte.h>
#include <pvmini/hypercall.h>
#include <pvmini/mm.h>

int map_machine_page(void *va, uint64_t maddr)
{
	uint64_t pte = (maddr & ~(uint64_t)(PAGE_SIZE - 1)) | PTE_PRESENT |
		       PTE_RW | PTE_ACCESSED | PTE_DIRTY;

	/* UVMF_INVLPG: drop the old translation of va from the TLB. */
	return xen_update_va_mapping((unsigned long)va, pte,
				     UVMF_INVLPG | UVMF_LOCAL);
}
