/* pagetable.h - reading the page tables Xen validates for us. */
#ifndef PVMINI_PAGETABLE_H
#define PVMINI_PAGETABLE_H

#include <stdint.h>

/*
 * Finds the L1 entry that maps va in the boot page tables: its machine
 * address (what mmu_update wants) and its value. Returns 0, or -1 if va is
 * not mapped by a present 4 KiB page.
 */
int pte_lookup(unsigned long va, uint64_t *maddr, uint64_t *value);

#endif
