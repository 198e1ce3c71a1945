/*
 * start_info.c - the two pages Xen gives every PV guest.
 *
 * start_info, filled in by the domain builder, is already mapped: %rsi
 * points at it on entry. shared_info (vcpu_info with the event mask and
 * the pvclock, the event bitmaps, the wall clock) is given only as a
 * machine address, and a PV guest may not write a page-table entry
 * itself: Xen maps it for us over a page of our own .bss
 * (update_va_mapping, arch/x86/pagetable.c).
 */
#include <arch/layout.h>
#include <pvmini/kernel.h>
#include "arch/x86/pagetable.h"
#include "kernel/xen/start_info.h"

const start_info_t *start_info;
struct shared_info *shared_info;

static char shared_info_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void start_info_init(const start_info_t *si)
{
	start_info = si;
	/* No console yet: if this fails there is no one to tell. */
	if (map_machine_page(shared_info_page, si->shared_info))
		domain_shutdown(SHUTDOWN_crash);
	shared_info = (struct shared_info *)shared_info_page;
}
