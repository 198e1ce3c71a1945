/*
 * fuzz_memmap.c - the memory map end to end, as mm/setup.c runs it: a raw
 * map (what Xen or firmware hands over) through e820_sanitize, then
 * plan_holes and plan_extra, each checked against an oracle built from
 * the definitions, not from the code's method:
 *
 *  - sanitize: sorted, disjoint, merged, non-empty entries; every address
 *    around every raw edge has the strongest type of the raw entries
 *    covering it (only below the last kept entry if some were dropped);
 *  - holes: the pfns of pages that hold any byte below the map's end that
 *    no RAM entry covers, as maximal ranges: kept below the boot image's
 *    end, identity above it; release is the part below the allocation
 *    plus the pfns from the map's end to the allocation; "no RAM" and
 *    "ends inside the kernel image" exactly when they are true;
 *  - extra: the wanted, clamped, placed and unplaced pages add up, every
 *    region is whole RAM pages above the allocation, lowest first, and
 *    pages are left unplaced only when no such RAM (or no region) is left.
 *
 * Maps come in four shapes: overlapping soup at sub-page coordinates,
 * up to E820_MAX RAM islands with gaps (where holes outnumber half the
 * entries), entries near 2^64 whose sizes wrap, and a PC map with noise.
 */
#include "mm/memplan.h"
#include "fuzz.h"

typedef unsigned __int128 u128;

static struct e820_map raw, map;
static struct hole_plan holes;
static struct extra_plan extra;
static unsigned long nr_pages, boot_end, max_pages, released;
static unsigned int dropped;

static void dump(void)
{
	printf("  nr_pages %lu boot_end %lu max_pages %lu released %lu\n",
	       nr_pages, boot_end, max_pages, released);
	printf("  raw map, %u entries:\n", raw.nr);
	for (unsigned int i = 0; i < raw.nr; i++)
		printf("    { %#llx, %#llx, %u },\n",
		       (unsigned long long)raw.entry[i].addr,
		       (unsigned long long)raw.entry[i].size,
		       raw.entry[i].type);
}

static void put_entry(uint64_t addr, uint64_t size, uint32_t type)
{
	if (raw.nr < E820_MAX)
		raw.entry[raw.nr++] = (struct e820_entry){ addr, size, type };
}

static uint32_t random_type(void)
{
	if (fz_chance(5))
		return (uint32_t)fz_u64(); /* types we have no name for */
	return fz_chance(50) ? E820_RAM : (uint32_t)fz_below(6);
}

static void shuffle(void)
{
	for (unsigned int i = raw.nr; i > 1; i--) {
		unsigned int j = (unsigned int)fz_below(i);
		struct e820_entry t = raw.entry[i - 1];

		raw.entry[i - 1] = raw.entry[j];
		raw.entry[j] = t;
	}
}

/* Overlaps everywhere, edges inside pages. */
static void soup(uint64_t base, uint64_t unit)
{
	for (unsigned int n = fz_below(25); n; n--)
		put_entry(base + fz_below(64) * unit, fz_below(16) * unit,
			  random_type());
}

/* RAM islands with gaps between: many holes, up to a full map. */
static void islands(void)
{
	unsigned int n = fz_chance(30) ? E820_MAX : 1 + fz_below(E820_MAX);
	uint64_t at = fz_chance(50) ? 0 : fz_below(4) * 0x800;

	for (unsigned int i = 0; i < n; i++) {
		uint64_t size = fz_chance(80) ? (1 + fz_below(64)) * 4096
					      : 1 + fz_below(3 * 4096);
		uint64_t gap = fz_chance(80) ? (1 + fz_below(8)) * 4096
					     : fz_below(2 * 4096);

		if (fz_chance(10) && raw.nr + 1 < n) /* a reserved piece */
			put_entry(at + size, gap, E820_RESERVED);
		put_entry(at, size, E820_RAM);
		at += size + gap;
	}
	if (fz_chance(30))
		shuffle();
}

/* Entries at the top of the address space, sizes that run past it. */
static void top(void)
{
	soup(UINT64_MAX - 64 * 0x800 + 1 - fz_below(4096), 0x800);
	for (unsigned int n = fz_below(4); n; n--)
		put_entry(UINT64_MAX - fz_below(1ULL << 24),
			  fz_edge(UINT64_MAX), random_type());
	if (fz_chance(70))
		put_entry(0, (1 + fz_below(1 << 14)) * 4096ULL, E820_RAM);
}

/* A PC's map (low RAM, ISA hole, RAM, PCI hole, RAM above 4 GiB). */
static void pc(void)
{
	uint64_t low_ram = (1 + fz_below(1 << 18)) * 4096ULL;

	put_entry(0, 0x9fc00, E820_RAM);
	put_entry(0x9fc00, 0x400, E820_RESERVED);
	put_entry(0xf0000, 0x10000, E820_RESERVED);
	put_entry(0x100000, low_ram, E820_RAM);
	put_entry(0xfc000000, 0x4000000, E820_RESERVED);
	if (fz_chance(50))
		put_entry(1ULL << 32, (1 + fz_below(1 << 20)) * 4096ULL,
			  E820_RAM);
	for (unsigned int n = fz_below(6); n; n--)
		put_entry(fz_below(1ULL << 33), fz_below(1 << 24),
			  random_type());
	shuffle();
}

/* --- the oracle ---------------------------------------------------- */

static uint64_t end_of(const struct e820_entry *e)
{
	return e->addr + e->size;
}

/* The strongest type of the raw entries covering addr (0: none). */
static uint32_t raw_type(uint64_t addr)
{
	uint32_t best = 0;

	for (unsigned int i = 0; i < raw.nr; i++) {
		const struct e820_entry *e = &raw.entry[i];
		uint32_t t = e->type ? e->type : E820_RESERVED;
		u128 end = (u128)e->addr + e->size;

		if (end > UINT64_MAX) /* cut, as the sanitizer promises */
			end = UINT64_MAX;
		if (addr < e->addr || addr >= end)
			continue;
		if (!best || (t != E820_RAM && (best == E820_RAM || t > best)))
			best = t;
	}
	return best;
}

/* The sanitized map is sorted and disjoint (checked first): bisect. */
static uint32_t map_type(uint64_t addr)
{
	unsigned int lo = 0, hi = map.nr;

	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;
		const struct e820_entry *e = &map.entry[mid];

		if (addr < e->addr)
			hi = mid;
		else if (addr - e->addr >= e->size)
			lo = mid + 1;
		else
			return e->type;
	}
	return 0;
}

static void check_type_at(uint64_t addr, uint64_t limit)
{
	if (addr < limit)
		FZ_CHECK(map_type(addr) == raw_type(addr),
			 "type at %#llx: %u, want %u", (unsigned long long)addr,
			 map_type(addr), raw_type(addr));
}

static void check_sanitized(void)
{
	uint64_t limit = UINT64_MAX;

	FZ_CHECK(map.nr <= E820_MAX, "%u entries", map.nr);
	for (unsigned int i = 0; i < map.nr; i++) {
		const struct e820_entry *e = &map.entry[i];

		FZ_CHECK(e->size && e->type, "entry %u empty or untyped", i);
		FZ_CHECK(e->size <= UINT64_MAX - e->addr, "entry %u wraps", i);
		if (i) {
			const struct e820_entry *p = &map.entry[i - 1];

			FZ_CHECK(end_of(p) <= e->addr, "entry %u overlaps", i);
			FZ_CHECK(end_of(p) < e->addr || p->type != e->type,
				 "entry %u not merged", i);
		}
	}
	if (dropped) {
		FZ_CHECK(map.nr == E820_MAX, "dropped %u with room", dropped);
		limit = end_of(&map.entry[map.nr - 1]);
	}
	/* Around the edges of every raw entry, or of 24 in a big map. */
	for (unsigned int k = 0; k < raw.nr && k < 24; k++) {
		const struct e820_entry *e =
			&raw.entry[raw.nr > 24 ? fz_below(raw.nr) : k];
		uint64_t end =
			e->size > UINT64_MAX - e->addr ? UINT64_MAX : end_of(e);

		check_type_at(e->addr, limit);
		check_type_at(e->addr - 1, limit);
		check_type_at(end, limit);
		check_type_at(end - 1, limit);
		check_type_at(e->addr + (end - e->addr) / 2, limit);
	}
}

struct list {
	struct pfn_range r[2 * E820_MAX + 2];
	unsigned int nr;
	unsigned long pages;
};

/* Appends in ascending order, merging what touches or overlaps. */
static void list_add(struct list *l, u128 start, u128 end)
{
	struct pfn_range *last = l->nr ? &l->r[l->nr - 1] : NULL;

	if (start >= end)
		return;
	if (last && start <= last->end) {
		if (end > last->end) {
			l->pages += (unsigned long)(end - last->end);
			last->end = (unsigned long)end;
		}
		return;
	}
	l->r[l->nr++] =
		(struct pfn_range){ (unsigned long)start, (unsigned long)end };
	l->pages += (unsigned long)(end - start);
}

static void list_add_clipped(struct list *l, const struct pfn_range *r, u128 lo,
			     u128 hi)
{
	list_add(l, r->start > lo ? r->start : lo, r->end < hi ? r->end : hi);
}

static void same_list(const char *what, const struct list *want,
		      const struct pfn_range *got, unsigned int nr,
		      unsigned long pages)
{
	FZ_CHECK(nr == want->nr, "%s: %u ranges, want %u", what, nr, want->nr);
	for (unsigned int i = 0; i < nr; i++)
		FZ_CHECK(got[i].start == want->r[i].start &&
				 got[i].end == want->r[i].end,
			 "%s[%u]: [%#lx, %#lx), want [%#lx, %#lx)", what, i,
			 got[i].start, got[i].end, want->r[i].start,
			 want->r[i].end);
	if (pages != ~0UL)
		FZ_CHECK(pages == want->pages, "%s: %lu pages, want %lu", what,
			 pages, want->pages);
}

static void check_holes(int rc)
{
	static struct list hole, kept, identity, release;
	uint64_t pos = 0, map_end;
	u128 map_end_pfn;
	bool any_ram = false;

	hole.nr = kept.nr = identity.nr = release.nr = 0;
	hole.pages = kept.pages = identity.pages = release.pages = 0;
	for (unsigned int i = 0; i < map.nr; i++) {
		const struct e820_entry *e = &map.entry[i];

		any_ram |= e->type == E820_RAM;
		/* A gap before e, and e itself unless RAM: not RAM. */
		if (e->addr > pos)
			list_add(&hole, pos >> 12,
				 ((u128)e->addr + 4095) >> 12);
		if (e->type != E820_RAM)
			list_add(&hole, e->addr >> 12,
				 ((u128)end_of(e) + 4095) >> 12);
		pos = end_of(e);
	}
	map_end = pos;
	map_end_pfn = ((u128)map_end + 4095) >> 12;
	if (!any_ram) {
		FZ_CHECK(rc == -1 && strstr(holes.error, "no RAM"),
			 "no RAM: rc %d (%s)", rc,
			 holes.error ? holes.error : "");
		return;
	}
	if (boot_end > map_end_pfn) {
		FZ_CHECK(rc == -1 && strstr(holes.error, "kernel image"),
			 "map ends at pfn %#lx, below %#lx: rc %d (%s)",
			 (unsigned long)map_end_pfn, boot_end, rc,
			 holes.error ? holes.error : "");
		return;
	}
	FZ_CHECK(rc == 0, "refused: %s", holes.error);
	for (unsigned int i = 0; i < hole.nr; i++) {
		list_add_clipped(&kept, &hole.r[i], 0, boot_end);
		list_add_clipped(&identity, &hole.r[i], boot_end, ~(u128)0);
		list_add_clipped(&release, &hole.r[i], boot_end, nr_pages);
	}
	list_add(&release, map_end_pfn, nr_pages);
	same_list("kept", &kept, holes.kept, holes.nr_kept, ~0UL);
	same_list("identity", &identity, holes.identity, holes.nr_identity,
		  holes.identity_pages);
	same_list("release", &release, holes.release, holes.nr_release,
		  holes.release_pages);
}

/* Whole RAM pages at or above nr_pages and below `below`. */
static u128 ram_pages_above_allocation(u128 below)
{
	u128 n = 0;

	for (unsigned int i = 0; i < map.nr; i++) {
		const struct e820_entry *e = &map.entry[i];
		u128 s = ((u128)e->addr + 4095) >> 12, t = end_of(e) >> 12;

		if (e->type != E820_RAM)
			continue;
		s = s > nr_pages ? s : nr_pages;
		t = t < below ? t : below;
		if (s < t)
			n += t - s;
	}
	return n;
}

static bool whole_ram_pages(const struct pfn_range *r)
{
	for (unsigned int i = 0; i < map.nr; i++) {
		const struct e820_entry *e = &map.entry[i];

		if (e->type == E820_RAM &&
		    r->start >= ((u128)e->addr + 4095) >> 12 &&
		    r->end <= end_of(e) >> 12)
			return true;
	}
	return false;
}

static void check_extra(void)
{
	u128 wanted = (max_pages > nr_pages ? max_pages - nr_pages : 0) +
		      (u128)released;
	u128 cap = (u128)EXTRA_MEM_RATIO * nr_pages;
	u128 clamped = wanted > cap ? wanted - cap : 0;
	unsigned long sum = 0;

	FZ_CHECK(extra.wanted == wanted && extra.clamped == clamped,
		 "wanted %lu clamped %lu, want %lu %lu", extra.wanted,
		 extra.clamped, (unsigned long)wanted, (unsigned long)clamped);
	FZ_CHECK(extra.nr <= EXTRA_MAX_REGIONS, "%u regions", extra.nr);
	for (unsigned int i = 0; i < extra.nr; i++) {
		const struct pfn_range *r = &extra.region[i];

		FZ_CHECK(r->start < r->end && r->start >= nr_pages,
			 "region %u [%#lx, %#lx)", i, r->start, r->end);
		FZ_CHECK(!i || r->start >= extra.region[i - 1].end,
			 "region %u overlaps", i);
		FZ_CHECK(whole_ram_pages(r), "region %u [%#lx, %#lx) not RAM",
			 i, r->start, r->end);
		sum += r->end - r->start;
	}
	FZ_CHECK(extra.pages == sum, "pages %lu, regions hold %lu", extra.pages,
		 sum);
	FZ_CHECK(extra.pages + extra.unplaced + clamped == wanted,
		 "placed %lu + unplaced %lu + clamped != wanted", extra.pages,
		 extra.unplaced);
	FZ_CHECK(extra.max_pfn ==
			 (extra.nr ? extra.region[extra.nr - 1].end : nr_pages),
		 "max_pfn %#lx", extra.max_pfn);
	/* Lowest first: no usable page skipped below the last region... */
	FZ_CHECK(ram_pages_above_allocation(extra.max_pfn) == extra.pages,
		 "regions skip RAM below max_pfn %#lx", extra.max_pfn);
	/* ...and none left unused while pages stay unplaced. */
	if (extra.unplaced && extra.nr < EXTRA_MAX_REGIONS)
		FZ_CHECK(ram_pages_above_allocation(~(u128)0) == extra.pages,
			 "%lu unplaced with RAM left", extra.unplaced);
}

FUZZ(sanitize_then_plan, 15000)
{
	int rc;

	raw.nr = 0;
	fz_dump = dump;
	switch (fz_below(5)) {
	case 0:
		soup(0, fz_chance(50) ? 0x800 : 0x1000);
		break;
	case 1:
	case 2:
		islands();
		break;
	case 3:
		top();
		break;
	default:
		pc();
	}
	map = raw;
	dropped = e820_sanitize(&map);
	check_sanitized();

	/* The allocation and image: mostly inside the map, sometimes not. */
	nr_pages = 1 + (fz_chance(80) ? fz_below(1 << 16) : fz_below(1 << 26));
	boot_end = fz_chance(90) ? fz_below(nr_pages < 4096 ? nr_pages : 4096)
				 : fz_below(1 << 20);
	max_pages = fz_chance(30) ? nr_pages : fz_edge(1UL << 40);
	released = fz_chance(50) ? 0 : fz_below(nr_pages);
	rc = plan_holes(&map, nr_pages, boot_end, &holes);
	check_holes(rc);
	plan_extra(&map, nr_pages, max_pages, released, &extra);
	check_extra();
}
