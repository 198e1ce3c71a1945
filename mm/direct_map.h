/*
 * direct_map.h - mapping all RAM (mm/direct_map.c) and reading the page
 * tables Xen validates for us (mm/physmap.c).
 */
#ifndef MM_DIRECT_MAP_H
#define MM_DIRECT_MAP_H

#include <stdint.h>

/*
 * Finds the L1 entry that maps va in the boot page tables: its machine
 * address (what mmu_update wants) and its value. Returns 0, or -1 if va is
 * not mapped by a present 4 KiB page.
 */
int pte_lookup(unsigned long va, uint64_t *maddr, uint64_t *value);

/*
 * Checks the direct map against the p2m: every pfn below p2m_size that
 * is mapped at pfn_to_virt(pfn) must map the frame its p2m entry names.
 * A stray mapping is a frame the guest no longer accounts for (given
 * back while mapped, or mapped over by a foreign frame). Also counts the
 * mappings that are both writable and executable (meaningful where the
 * CPU has NX).
 */
#define AUDIT_KEEP 4
struct physmap_audit {
	unsigned long mapped; /* pfns with a present PTE */
	unsigned long wx;     /* ... writable and executable */
	unsigned long stray;  /* ... mapping another frame (or none) */
	/* The first AUDIT_KEEP of them, and their PTEs. */
	unsigned long stray_pfn[AUDIT_KEEP];
	uint64_t stray_pte[AUDIT_KEEP];
};
void physmap_audit(struct physmap_audit *a);

/*
 * Maps pfns [start, end) that have frames at VIRT_BASE + pfn * 4096,
 * creating page tables as needed, in as few hypercalls as it can.
 */
void map_pfns(unsigned long start, unsigned long end);
/* Boot: protect the image, map all RAM (tables from early_alloc). */
void direct_map_init(void);
/* Where map_pfns takes new page-table pages from (zeroed, mapped). */
void direct_map_set_allocator(void *(*alloc)(void));

struct pt_stats {
	unsigned long mapped;	  /* PTEs installed */
	unsigned long tables;	  /* page-table pages created */
	unsigned long hypercalls; /* multicalls that did it */
};
extern struct pt_stats pt_stats;

#endif
