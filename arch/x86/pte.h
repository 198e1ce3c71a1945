/* pte.h - x86_64 page-table entry bits, 4-level paging. */
#ifndef ARCH_PTE_H
#define ARCH_PTE_H

#define PTE_PRESENT (1ULL << 0)
#define PTE_RW (1ULL << 1)
#define PTE_USER (1ULL << 2)
#define PTE_ACCESSED (1ULL << 5)
#define PTE_DIRTY (1ULL << 6)
#define PTE_PSE (1ULL << 7) /* a large page, at L2 or L3 */
#define PTE_NX (1ULL << 63)
#define PTE_ADDR_MASK 0x000ffffffffff000ULL

#define PT_ENTRIES 512
#define PT_LEVELS 4

/* Index of va in the table of `level` (1 = L1 ... 4 = L4). */
static inline unsigned int pt_index(unsigned long va, int level)
{
	return (va >> (12 + 9 * (level - 1))) & (PT_ENTRIES - 1);
}

#endif
