/*
 * memmap - what pvmini's memory setup found and did: the memory map as
 * Xen gave it and as sanitized, the pfns set 1:1 and the frames released,
 * the extra memory regions, and the p2m as it stands. Checks that the
 * frames released at boot really left (Xen's count of our pages, no PTE
 * left behind) and that the direct map agrees with the p2m.
 */
#include <pvmini.h>
#include <pvmini/page_alloc.h>
#include "arch/x86/pte.h"
#include "arch/x86/switch.h"
#include "mm/direct_map.h"
#include "mm/mm.h"
#include "mm/p2m.h"

#define BLOCK (16 * 4096 - 16) /* 16 pages, with the heap's header */

static int errors;

static void check(bool ok, const char *what)
{
	if (!ok) {
		errors++;
		printk("memmap: FAILED: %s\n", what);
	}
}

static uint64_t pattern(const uint64_t *w)
{
	return (uint64_t)w ^ 0x5a5a5a5a5a5a5a5aULL;
}

/*
 * Every allocatable page, each filled with a pattern of its address,
 * checked, freed; the free count must come back exactly. The pages hold
 * their own list (word 0), so the app needs no array of its own.
 */
static void exhaust_pages(int round)
{
	unsigned long before = free_page_count(), n = 0, bad = 0;
	uint64_t *head = NULL, *w;

	while ((w = alloc_pages(0)) != NULL) {
		w[0] = (uint64_t)head;
		for (int i = 1; i < 512; i++)
			w[i] = pattern(&w[i]);
		head = w;
		n++;
	}
	while ((w = head) != NULL) {
		head = (uint64_t *)w[0];
		for (int i = 1; i < 512; i++)
			bad += w[i] != pattern(&w[i]);
		free_pages(w, 0);
	}
	printk("exhaust %d: %lu pages allocated until NULL, %lu bad words, "
	       "%lu free after (was %lu)\n",
	       round, n, bad, free_page_count(), before);
	check(n == before && !bad && free_page_count() == before,
	      "page exhaustion");
}

/* The heap too: blocks that fill 16 pages with their header, until
 * NULL, all checked and freed; linked through their first word. */
static void exhaust_heap(void)
{
	unsigned long n = 0, bad = 0, before = free_page_count();
	unsigned char *head = NULL, *b;

	while ((b = kmalloc(BLOCK)) != NULL) {
		memset(b, (int)(n & 0xff), BLOCK);
		*(unsigned char **)b = head;
		head = b;
		n++;
	}
	for (unsigned long k = n; (b = head) != NULL; k--) {
		head = *(unsigned char **)b;
		for (int i = sizeof(head); i < BLOCK; i++)
			bad += b[i] != (unsigned char)((k - 1) & 0xff);
		kfree(b);
	}
	printk("heap: %lu blocks of %d bytes until NULL, %lu bad bytes, %lu "
	       "free pages after (was %lu)\n",
	       n, BLOCK, bad, free_page_count(), before);
	check(n > 0 && !bad && free_page_count() == before, "heap exhaustion");
}

static void balloon(void)
{
	domid_t self = DOMID_SELF;
	unsigned long free0 = free_page_count();
	long down, up, cur, max, room, more;
	struct p2m_stats st;

	down = balloon_down(1024);
	p2m_count(&st);
	printk("balloon down: 1024 asked, %ld given back; free %lu -> %lu; "
	       "p2m invalid %lu\n",
	       down, free0, free_page_count(), st.invalid);
	check(down == 1024 && free_page_count() == free0 - 1024,
	      "balloon down");
	up = balloon_up(1024);
	printk("balloon up: 1024 asked, %ld populated; free %lu\n", up,
	       free_page_count());
	check(up == 1024 && free_page_count() == free0, "balloon up");

	/*
	 * Beyond the start: Xen grants up to the domain's current maximum,
	 * and only pfns the map says are RAM (and are empty) can take it.
	 */
	cur = xen_memory_op(XENMEM_current_reservation, &self);
	max = xen_memory_op(XENMEM_maximum_reservation, &self);
	p2m_count(&st);
	room = max - cur < (long)st.invalid ? max - cur : (long)st.invalid;
	more = balloon_up(2048);
	printk("balloon up past the start: 2048 asked, %ld populated (room: "
	       "%ld = the smaller of Xen's maximum %ld - current %ld and "
	       "%lu empty pfns)\n",
	       more, room, max, cur, st.invalid);
	check(more == (room < 2048 ? room : 2048), "balloon up to the max");
	if (more > 0)
		exhaust_pages(3); /* the new pages work like any other */
}

/*
 * Released frames must be gone: Xen frees a frame only once nothing maps
 * it, so one given back while still mapped stays counted as ours (and
 * the stale PTE still reaches it). Runs before anything else changes the
 * reservation.
 */
static void released_frames_left(void)
{
	const struct mem_info *mi = mem_info();
	const struct hole_plan *h = mi->holes;
	domid_t self = DOMID_SELF;
	long cur = xen_memory_op(XENMEM_current_reservation, &self);
	unsigned long want = start_info->nr_pages - mi->released -
			     foreign_frame_count(),
		      mapped = 0;
	uint64_t maddr, pte;

	for (unsigned int i = 0; i < h->nr_release; i++)
		for (unsigned long pfn = h->release[i].start;
		     pfn < h->release[i].end; pfn++)
			if (!pte_lookup((unsigned long)pfn_to_virt(pfn), &maddr,
					&pte)) {
				if (!mapped++)
					printk("memmap: released pfn %#lx is "
					       "still mapped: pte %#llx\n",
					       pfn, (unsigned long long)pte);
			}
	printk("release: %lu pages released; Xen counts %ld pages of ours "
	       "(%lu - %lu released - %lu foreign = %lu expected); %lu "
	       "released pfns still mapped\n",
	       mi->released, cur, start_info->nr_pages, mi->released,
	       foreign_frame_count(), want, mapped);
	check(cur == (long)want && !mapped, "released frames left the domain");
}

/*
 * Every mapped pfn maps the frame its p2m entry names - shared_info's
 * page too, which shows Xen's frame with the p2m saying so (its RAM
 * frame went back, kernel/main.c).
 */
static void direct_map_agrees(void)
{
	struct physmap_audit a;
	unsigned long stray;

	physmap_audit(&a);
	stray = a.stray;
	for (unsigned long i = 0; i < a.stray && i < AUDIT_KEEP; i++) {
		printk("memmap: pfn %#lx is mapped by pte %#llx, p2m %#lx\n",
		       a.stray_pfn[i], (unsigned long long)a.stray_pte[i],
		       pfn_to_mfn(a.stray_pfn[i]));
	}
	printk("direct map: %lu pfns mapped, %lu map a frame their p2m entry "
	       "does not name\n",
	       a.mapped, stray);
	check(!stray, "direct map agrees with the p2m");
}

static void print_map(const char *title, const struct e820_map *m)
{
	printk("%s (%u entries):\n", title, m->nr);
	for (unsigned int i = 0; i < m->nr; i++) {
		const struct e820_entry *e = &m->entry[i];

		printk("  %016llx - %016llx %s\n", (unsigned long long)e->addr,
		       (unsigned long long)(e->addr + e->size),
		       e820_type_name(e->type));
	}
}

static void print_ranges(const char *what, const struct pfn_range *r,
			 unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		printk("  %s pfns %#lx-%#lx (%lu pages)\n", what, r[i].start,
		       r[i].end, r[i].end - r[i].start);
}

int main(void)
{
	const struct mem_info *mi = mem_info();
	struct p2m_stats st;
	uint64_t maddr, pte;

	printk("nr_pages %lu, maximum %lu, boot image ends at pfn %#lx\n",
	       start_info->nr_pages, mi->max_pages, boot_end_pfn());
	released_frames_left();
	direct_map_agrees();
	print_map(mi->fallback ? "raw map (fallback)" : "raw map", mi->raw);
	print_map("sanitized map", mi->map);
	print_ranges("identity", mi->holes->identity, mi->holes->nr_identity);
	print_ranges("release", mi->holes->release, mi->holes->nr_release);
	print_ranges("kept", mi->holes->kept, mi->holes->nr_kept);
	print_ranges("extra", mi->extra->region, mi->extra->nr);
	printk("released %lu pages, set %lu pages 1:1, extra %lu pages "
	       "(wanted %lu, clamped %lu, unplaced %lu)\n",
	       mi->released, mi->holes->identity_pages, mi->extra->pages,
	       mi->extra->wanted, mi->extra->clamped, mi->extra->unplaced);
	p2m_count(&st);
	printk("p2m: %lu entries: %lu valid, %lu identity, %lu invalid, "
	       "%lu foreign\n",
	       p2m_size(), st.valid, st.identity, st.invalid, st.foreign);
	printk("free pages: %lu\n", free_page_count());
	printk("boot stack guard page: %s\n",
	       pte_lookup((unsigned long)boot_stack, &maddr, &pte) ? "unmapped"
								   : "MAPPED");
	check(pte_lookup((unsigned long)boot_stack, &maddr, &pte) != 0,
	      "boot stack guard");
	exhaust_pages(1);
	exhaust_pages(2);
	exhaust_heap();
	balloon();
	printk("memmap: %s\n", errors ? "FAILED" : "all checks passed");
	return errors ? 1 : 0;
}
