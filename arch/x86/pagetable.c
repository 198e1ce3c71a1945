/*
 * pagetable.c - the single-page mapping changes a PV guest asks Xen for
 * directly, one HYPERVISOR_update_va_mapping each.
 *
 * A PV guest never writes a live PTE itself: Xen validates every entry
 * (the frame must be one the guest may map, with rights it may have).
 * Batched changes to many entries go through mm/direct_map.c instead.
 */
#include <arch/cpu.h>
#include <arch/layout.h>
#include <pvmini/hypercall.h>
#include "arch/x86/pagetable.h"
#include "arch/x86/pte.h"

uint64_t pte_nx_bit(void)
{
	static int has_nx = -1;
	uint32_t a, b, c, d;

	if (has_nx < 0) {
		xen_cpuid(0x80000001, &a, &b, &c, &d);
		has_nx = !!(d & (1U << 20));
	}
	return has_nx ? PTE_NX : 0;
}

static int map_page(void *va, uint64_t maddr, uint64_t extra)
{
	uint64_t pte = (maddr & ~(uint64_t)(PAGE_SIZE - 1)) | PTE_PRESENT |
		       PTE_RW | PTE_ACCESSED | PTE_DIRTY | extra;

	/* UVMF_INVLPG: drop the old translation of va from the TLB. */
	return xen_update_va_mapping((unsigned long)va, pte,
				     UVMF_INVLPG | UVMF_LOCAL);
}

int map_machine_page(void *va, uint64_t maddr)
{
	return map_page(va, maddr, 0);
}

int map_machine_page_nx(void *va, uint64_t maddr)
{
	return map_page(va, maddr, pte_nx_bit());
}

/*
 * A guard page: the PTE becomes 0, so touching the page faults. Note
 * what that buys in a PV kernel: Xen delivers a fault on the stack that
 * was in use (a kernel-mode guest gets no stack switch), so an overflow
 * into the guard page of a stack cannot be reported on that stack - Xen
 * fails to write the exception frame and crashes the domain. That is
 * still far better than silently overwriting whatever lies below.
 */
int guard_page(void *va)
{
	return xen_update_va_mapping((unsigned long)va, 0,
				     UVMF_INVLPG | UVMF_LOCAL);
}
