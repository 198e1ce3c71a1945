/*
 * memplan.c - the release/identity and extra-memory plan
 * (mm/memplan.h). Pure logic, no hypercall.
 *
 * Holes are found the way a PV kernel must: walk the map, and between
 * the end of one RAM entry and the start of the next (or the end of the
 * map) everything is a hole, reserved entries and gaps alike. A hole is
 * rounded OUT to whole pages - down at its start, up at its end - because
 * a page that is only partly RAM still has firmware data in its other
 * part, and only a 1:1 mapping lets that be reached.
 */
#include "lib/assert.h"
#include "mm/memplan.h"

/*
 * Appends [start, end) to a list built in ascending order. Two holes
 * around a RAM entry that has no whole page share that page: a range
 * that touches the last one extends it, so no pfn is listed (or counted)
 * twice.
 */
static void add(struct pfn_range *r, unsigned int max, unsigned int *nr,
		unsigned long *total, unsigned long start, unsigned long end)
{
	struct pfn_range *last = *nr ? &r[*nr - 1] : NULL;

	if (start >= end)
		return;
	ASSERT(!last || start >= last->start);
	if (last && start <= last->end) {
		if (end <= last->end)
			return;
		start = last->end;
		last->end = end;
	} else {
		ASSERT(*nr < max); /* the bounds in memplan.h */
		r[(*nr)++] = (struct pfn_range){ start, end };
	}
	if (total)
		*total += end - start;
}

static void add_hole(struct hole_plan *p, unsigned long start,
		     unsigned long end, unsigned long nr_pages,
		     unsigned long boot_end)
{
	if (start < boot_end) { /* our own image lives there: hands off */
		add(p->kept, PLAN_MAX_RANGES, &p->nr_kept, NULL, start,
		    end < boot_end ? end : boot_end);
		start = boot_end;
	}
	if (start >= end)
		return;
	add(p->identity, PLAN_MAX_RANGES, &p->nr_identity, &p->identity_pages,
	    start, end);
	if (start < nr_pages)
		add(p->release, PLAN_MAX_RANGES, &p->nr_release,
		    &p->release_pages, start, end < nr_pages ? end : nr_pages);
}

int plan_holes(const struct e820_map *map, unsigned long nr_pages,
	       unsigned long boot_end_pfn, struct hole_plan *p)
{
	uint64_t ram_end = 0; /* end of the previous RAM entry */
	unsigned long map_end_pfn;
	bool any_ram = false;

	memset(p, 0, sizeof(*p));
	for (unsigned int i = 0; i < map->nr; i++) {
		const struct e820_entry *e = &map->entry[i];
		bool ram = e->type == E820_RAM, last = i + 1 == map->nr;

		any_ram |= ram;
		if (!ram && !last)
			continue;
		add_hole(p, PFN_DOWN(ram_end),
			 ram ? PFN_UP(e->addr) : PFN_UP(e->addr + e->size),
			 nr_pages, boot_end_pfn);
		ram_end = e->addr + e->size;
	}
	if (!any_ram) {
		p->error = "the memory map has no RAM";
		return -1;
	}
	map_end_pfn = PFN_UP(map->entry[map->nr - 1].addr +
			     map->entry[map->nr - 1].size);
	if (boot_end_pfn > map_end_pfn) {
		p->error = "the memory map ends inside the kernel image";
		return -1;
	}
	/* Frames Xen gave us for pfns the map does not know: give back. */
	if (map_end_pfn < nr_pages)
		add(p->release, PLAN_MAX_RANGES, &p->nr_release,
		    &p->release_pages, map_end_pfn, nr_pages);
	return 0;
}

void plan_extra(const struct e820_map *map, unsigned long nr_pages,
		unsigned long max_pages, unsigned long released,
		struct extra_plan *p)
{
	unsigned long left;

	memset(p, 0, sizeof(*p));
	p->wanted =
		(max_pages > nr_pages ? max_pages - nr_pages : 0) + released;
	left = p->wanted;
	if (left > EXTRA_MEM_RATIO * nr_pages) {
		p->clamped = left - EXTRA_MEM_RATIO * nr_pages;
		left -= p->clamped;
	}
	p->max_pfn = nr_pages;
	/* Extra pages live in RAM the map has above the initial allocation. */
	for (unsigned int i = 0; i < map->nr && left; i++) {
		const struct e820_entry *e = &map->entry[i];
		unsigned long start = PFN_UP(e->addr);
		unsigned long end = PFN_DOWN(e->addr + e->size);

		if (e->type != E820_RAM)
			continue;
		if (start < nr_pages)
			start = nr_pages;
		if (start >= end)
			continue;
		if (p->nr == EXTRA_MAX_REGIONS)
			break;
		if (end - start > left)
			end = start + left;
		add(p->region, EXTRA_MAX_REGIONS, &p->nr, &p->pages, start,
		    end);
		left -= end - start;
		p->max_pfn = end;
	}
	p->unplaced = left;
}
