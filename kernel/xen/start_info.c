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
#include <pvmini/lib.h>
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

/*
 * Suspend. The save code rejects a page table that maps a frame that is
 * not our RAM, and shared_info is Xen's: its mapping must go first. Yet
 * vcpu_info (the event mask) and the pvclock are read on every path,
 * printk's included, until the very hypercall, and again before the new
 * one is mapped. So shared_info points at a copy in our own memory
 * meanwhile. Xen keeps using the real page: its event mask was set
 * before the copy, so no upcall comes; the toolstack saves that page
 * (mask set) and hands it to the new domain.
 */
static struct shared_info shadow __attribute__((aligned(PAGE_SIZE)));

void *shared_info_detach(void)
{
	memcpy(&shadow, shared_info_page, sizeof(shadow));
	__atomic_store_n(&shared_info, &shadow, __ATOMIC_SEQ_CST);
	return shared_info_page;
}

void shared_info_attach(void)
{
	__atomic_store_n(&shared_info, (struct shared_info *)shared_info_page,
			 __ATOMIC_SEQ_CST);
}

void start_info_set_ring_frames(xen_pfn_t store, xen_pfn_t console)
{
	/* The builder's page, writable: const only to the rest of us. */
	start_info_t *si = (start_info_t *)start_info;

	si->store_mfn = store;
	si->console.domU.mfn = console;
}
