/*
 * memplan.h - deciding, from the sanitized memory map, what a PV guest
 * does with its pfns at boot (mm/memplan.c; carried out by mm/setup.c):
 *
 *  - holes (non-RAM regions and gaps, rounded out to whole pages) are set
 *    1:1 ("identity") in the p2m, so pfn N means machine frame N there -
 *    what BIOS tables and device memory in those holes need;
 *  - the RAM frames Xen gave us behind pfns that fall in holes are
 *    released (XENMEM_decrease_reservation): the map says no RAM there;
 *  - released pages, and pages between the initial allocation and the
 *    domain's maximum, become "extra" regions placed in RAM above the
 *    initial allocation, unpopulated until ballooned in.
 * Pure logic: unit-tested on the host with exact pfn ranges.
 */
#ifndef PVMINI_MEMPLAN_H
#define PVMINI_MEMPLAN_H

#include "mm/e820.h"

#define PFN_DOWN(a) ((unsigned long)((a) >> 12))
/* Not ((a) + 4095) >> 12: a map entry may end at UINT64_MAX, and that
 * sum wraps to pfn 0. */
#define PFN_UP(a) ((unsigned long)((a) >> 12) + (((a)&4095) != 0))

/*
 * Room for every map: plan_holes adds at most one hole per RAM entry (the
 * one in front of it) and one after the last entry if that is not RAM -
 * E820_MAX holes, since such a map has one RAM entry fewer. `release`
 * may have one range more: the pfns past the map's end. (Gaps are not
 * entries: E820_MAX RAM entries with gaps between are E820_MAX holes.)
 */
#define PLAN_MAX_RANGES (E820_MAX + 1)
#define EXTRA_MAX_REGIONS 16
/*
 * Extra memory is capped at this many times the initial allocation:
 * every extra pfn costs a p2m entry (8 bytes) and allocator state, all
 * paid from the initial allocation before any extra page exists.
 */
#define EXTRA_MEM_RATIO 10

struct pfn_range {
	unsigned long start, end; /* [start, end) */
};

/* Each list is in ascending order, its ranges disjoint and not touching. */
struct hole_plan {
	/* Set 1:1 in the p2m. */
	struct pfn_range identity[PLAN_MAX_RANGES];
	unsigned int nr_identity;
	unsigned long identity_pages;
	/* Frames to give back: hole pfns, and pfns past the map's end, below
	 * the initial allocation (only those with a valid frame are). */
	struct pfn_range release[PLAN_MAX_RANGES];
	unsigned int nr_release;
	unsigned long release_pages;
	/* Hole pfns the boot image occupies: left as they are. */
	struct pfn_range kept[PLAN_MAX_RANGES];
	unsigned int nr_kept;
	const char *error; /* the map makes no sense: why */
};

struct extra_plan {
	struct pfn_range region[EXTRA_MAX_REGIONS];
	unsigned int nr;
	unsigned long pages;	/* placed in regions */
	unsigned long wanted;	/* max - initial + released */
	unsigned long clamped;	/* cut by EXTRA_MEM_RATIO */
	unsigned long unplaced; /* no RAM left in the map for them */
	unsigned long max_pfn;	/* one past the highest pfn in use */
};

/*
 * nr_pages: the initial allocation; boot_end_pfn: pfns below it hold the
 * image and what the domain builder put after it. Returns 0, or -1 with
 * p->error set.
 */
int plan_holes(const struct e820_map *map, unsigned long nr_pages,
	       unsigned long boot_end_pfn, struct hole_plan *p);

void plan_extra(const struct e820_map *map, unsigned long nr_pages,
		unsigned long max_pages, unsigned long released,
		struct extra_plan *p);

#endif
