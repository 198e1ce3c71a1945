/*
 * pagetable.h - the two single-page mapping changes a PV guest asks Xen
 * for directly (arch/x86/pagetable.c): mapping a machine page over one of
 * our addresses, and unmapping a page to make it a guard.
 */
#ifndef ARCH_X86_PAGETABLE_H
#define ARCH_X86_PAGETABLE_H

#include <stdint.h>

/* Maps the machine page at `maddr` over the page at `va` (page aligned). */
int map_machine_page(void *va, uint64_t maddr);
/* Unmaps the page at va; 0 or a negative Xen errno. */
int guard_page(void *va);

#endif
