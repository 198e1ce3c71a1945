/*
 * guard.c - unmapping a page so that touching it faults: the guard page
 * below each thread stack. A PV guest cannot write its page tables
 * itself; it asks Xen to replace the page's PTE with 0.
 *
 * Note what a guard page buys in a PV kernel: Xen delivers a fault on
 * the stack that was in use (a kernel-mode guest gets no stack switch),
 * so an overflow into the guard page cannot be reported by us - Xen
 * fails to write the exception frame and crashes the domain. That is
 * still far better than silently overwriting whatever lies below.
 */
#include <pvmini/hypercall.h>

int guard_page(void *va)
{
	return xen_update_va_mapping((unsigned long)va, 0,
				     UVMF_INVLPG | UVMF_LOCAL);
}
