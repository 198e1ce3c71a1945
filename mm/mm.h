/*
 * mm.h - frames and addresses in a PV guest.
 *
 * pfn: the guest's own page number (contiguous from 0). mfn: the real
 * machine frame behind it. The p2m list (start_info->mfn_list) maps pfn to
 * mfn; Xen's read-only M2P table maps mfn back to pfn. The domain builder
 * maps the image and what it allocated after it at VIRT_BASE + pfn * 4096;
 * the direct map adds all other RAM (pfn_to_virt below).
 */
#ifndef PVMINI_MM_H
#define PVMINI_MM_H

#include <arch/layout.h>
#include <pvmini/lib.h>
#include <pvmini/xen.h>
#include "mm/memplan.h"

/* Virtual address of one of our frames inside the initial mapping, or NULL
 * if the mfn is not ours or is not mapped there. */
void *mfn_to_virt(unsigned long mfn);

/* pfns below this hold the image and what the builder put after it. */
unsigned long boot_end_pfn(void);
/* pfns below this are mapped at VIRT_BASE + pfn * 4096 from boot on. */
unsigned long mapped_pfn_end(void);
/* ... and below this now (those that have frames), as the map grows. */
unsigned long physmap_end(void);
void physmap_set_end(unsigned long pfn);
void physmap_probe(void); /* where the builder's mapping really ends */

/* Two windows (arch/layout.h), one mapping per page: no aliases. A
 * buddy block is naturally aligned, so none straddles the two. */
static inline void *pfn_to_virt(unsigned long pfn)
{
	unsigned long base = pfn < LOW_MAP_PFNS ? VIRT_BASE : HIGH_MAP_BASE;

	return (void *)(base + (pfn << PAGE_SHIFT));
}

static inline unsigned long virt_to_pfn(const void *va)
{
	unsigned long a = (unsigned long)va;

	return (a - (a >= VIRT_BASE ? VIRT_BASE : HIGH_MAP_BASE)) >> PAGE_SHIFT;
}

/* Early pages (mm/early_alloc.c), before the page allocator exists. */
void early_alloc_init(void);
void *early_alloc_pages(unsigned long n);
unsigned long early_alloc_end(void);
bool early_alloc_has(unsigned long n); /* n pages left, mapped? */
void early_alloc_close(void);	       /* the page allocator took over */
unsigned long early_alloc_count(void);

/* The page allocator (mm/page_alloc.c): started once the direct map is
 * up; page_alloc_add hands it free pages (at boot, and from the balloon). */
void page_alloc_init(void);
void page_alloc_add(unsigned long pfn, unsigned long n);

/*
 * Maps n machine frames that are not RAM of ours (a table Xen shares
 * with us) no-execute over n pages at va, from alloc_pages, and gives
 * the RAM frames behind those pages back (mm/balloon.c). Returns 0, or a
 * negative Xen errno with every page as it was.
 */
int swap_in_foreign_frames(void *va, const xen_pfn_t *mfns, unsigned int n);
/*
 * The page at va already shows the foreign frame mfn: it was mapped over
 * before memory was set up (shared_info). Gives back the RAM frame the
 * p2m still names for it and records mfn instead.
 */
void adopt_foreign_frame(void *va, xen_pfn_t mfn);
/* How many of our pages show a foreign frame (their RAM was given back). */
unsigned long foreign_frame_count(void);
/*
 * Suspend: unmaps n pages at va that show foreign frames, leaving their
 * p2m entries without a frame; -XEN_EINVAL (nothing done) if one does
 * not show a foreign frame. Resume: maps mfns no-execute over n pages
 * that have no frame, recording them as foreign; 0 or a negative Xen
 * errno with every page as it was.
 */
int unmap_foreign_frames(void *va, unsigned int n);
int map_foreign_frames(void *va, const xen_pfn_t *mfns, unsigned int n);
/*
 * The memory layer's part of a suspend (mm/mm_suspend.c, docs/suspend.md):
 * mm_suspend checks that no page shows a foreign frame any more (the
 * save code would refuse the page tables): 0, or -XEN_EBUSY naming the
 * first such pfn. mm_resume in a new domain sets the 1:1 holes again and
 * republishes the p2m frame list; after a checkpoint there is nothing
 * to do.
 */
int mm_suspend(void);
int mm_resume(bool new_domain);

/* The boot-time memory setup (mm/setup.c) and what it found. */
struct mem_info {
	const struct e820_map *raw;	/* as Xen gave it */
	const struct e820_map *map;	/* sanitized */
	const struct hole_plan *holes;	/* identity / release */
	const struct extra_plan *extra; /* extra regions */
	unsigned long released;		/* frames given back */
	unsigned long max_pages;	/* the domain's maximum */
	unsigned int dropped;		/* map entries over E820_MAX */
	bool fallback;			/* no map from Xen: made one */
};
void memory_setup(void);
const struct mem_info *mem_info(void);

#endif
