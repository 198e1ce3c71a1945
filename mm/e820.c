/*
 * e820.c - sanitizing a memory map (mm/e820.h).
 *
 * Maps from firmware, and so from Xen's machine map for dom0, may be
 * unsorted, overlap, or contain empty entries. Everything downstream (the
 * release and identity planner, the allocator) assumes a clean map, so
 * it is cleaned once here. Pure logic: unit-tested and fuzzed on the host.
 *
 * Method: cut the address space at every entry's start and end; each
 * piece between two cuts takes the strongest type of the entries covering
 * it; pieces of one type that touch are merged. O(n^2) for n <= 128.
 */
#include "mm/e820.h"

/* RAM is the weakest claim: anything else over it wins. */
static uint32_t strength(uint32_t type)
{
	return type == E820_RAM ? 0 : type;
}

static uint64_t end_of(const struct e820_entry *e)
{
	return e->addr + e->size;
}

static void sort_points(uint64_t *p, unsigned int n)
{
	for (unsigned int i = 1; i < n; i++) {
		uint64_t v = p[i];
		unsigned int j = i;

		for (; j > 0 && p[j - 1] > v; j--)
			p[j] = p[j - 1];
		p[j] = v;
	}
}

unsigned int e820_sanitize(struct e820_map *map)
{
	static struct e820_entry in[E820_MAX];
	static uint64_t cut[2 * E820_MAX];
	unsigned int n = 0, ncut = 0, dropped = 0;

	/* Copy the non-empty entries; fix types and sizes that wrap. */
	for (unsigned int i = 0; i < map->nr && i < E820_MAX; i++) {
		struct e820_entry e = map->entry[i];

		if (e.size > UINT64_MAX - e.addr)
			e.size = UINT64_MAX - e.addr;
		if (!e.size)
			continue;
		if (e.type == 0) /* undefined: treat as reserved */
			e.type = E820_RESERVED;
		in[n++] = e;
		cut[ncut++] = e.addr;
		cut[ncut++] = end_of(&e);
	}
	sort_points(cut, ncut);

	map->nr = 0;
	for (unsigned int k = 0; k + 1 < ncut; k++) {
		uint64_t lo = cut[k], hi = cut[k + 1];
		uint32_t type = 0;
		struct e820_entry *last;

		if (lo == hi)
			continue;
		for (unsigned int i = 0; i < n; i++)
			if (in[i].addr <= lo && lo < end_of(&in[i]) &&
			    (!type || strength(in[i].type) > strength(type)))
				type = in[i].type;
		if (!type)
			continue; /* a gap: no entry covers it */
		last = map->nr ? &map->entry[map->nr - 1] : NULL;
		if (last && last->type == type && end_of(last) == lo) {
			last->size += hi - lo;
		} else if (map->nr == E820_MAX) {
			dropped++;
		} else {
			map->entry[map->nr++] =
				(struct e820_entry){ lo, hi - lo, type };
		}
	}
	return dropped;
}

const char *e820_type_name(uint32_t type)
{
	switch (type) {
	case E820_RAM:
		return "RAM";
	case E820_RESERVED:
		return "reserved";
	case E820_ACPI:
		return "ACPI data";
	case E820_NVS:
		return "ACPI NVS";
	case E820_UNUSABLE:
		return "unusable";
	default:
		return "other";
	}
}
