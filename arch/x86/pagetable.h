/*
 * pagetable.h - the single-page mapping changes a PV guest asks Xen for
 * directly (arch/x86/pagetable.c): mapping a machine page over one of
 * our addresses, and unmapping a page to make it a guard; and the NX bit
 * where the CPU has one.
 */
#ifndef ARCH_X86_PAGETABLE_H
#define ARCH_X86_PAGETABLE_H

#include <stdint.h>

/* Maps the machine page at `maddr` over the page at `va` (page aligned). */
int map_machine_page(void *va, uint64_t maddr);
/* The same, no-execute where the CPU allows it: for data (a table Xen
 * shares with us), which nothing should ever run. */
int map_machine_page_nx(void *va, uint64_t maddr);
/* PTE_NX if the CPU (as Xen shows it to us) has NX, else 0: Xen refuses
 * a PTE with the bit set on a CPU without it. */
uint64_t pte_nx_bit(void);
/* Unmaps the page at va; 0 or a negative Xen errno. */
int guard_page(void *va);

#endif
