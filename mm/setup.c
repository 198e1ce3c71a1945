/*
 * setup.c - the memory setup a PV guest does for itself at boot: get the
 * memory map from Xen, clean it, release the frames behind holes and set
 * the holes 1:1, and find room for extra memory. The decisions are
 * mm/memplan.c's (pure, tested on the host); this file talks to Xen.
 */
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>
#include <pvmini/multicall.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include "arch/x86/pte.h"
#include "mm/direct_map.h"
#include "mm/mm.h"
#include "mm/p2m.h"

/* With no map from Xen, RAM is the allocation plus this much slack, room
 * for the pages a backend may balloon in for us later. */
#define FALLBACK_SLACK (8ULL << 20)
#define RELEASE_BATCH 256

static struct e820_map raw, map;
static struct hole_plan holes;
static struct extra_plan extra;
static struct mem_info info = {
	.raw = &raw, .map = &map, .holes = &holes, .extra = &extra
};

const struct mem_info *mem_info(void)
{
	return &info;
}

static void fetch_map(void)
{
	/* dom0 sees the host's real map, a domU the one xl gave it. */
	unsigned int cmd =
		is_dom0() ? XENMEM_machine_memory_map : XENMEM_memory_map;
	struct xen_memory_map mm = { .nr_entries = E820_MAX };
	long rc;

	set_xen_guest_handle(mm.buffer, raw.entry);
	rc = xen_memory_op(cmd, &mm);
	if (rc == -XEN_ENOSYS && !is_dom0()) {
		raw.nr = 1;
		raw.entry[0] = (struct e820_entry){
			0, start_info->nr_pages * 4096ULL + FALLBACK_SLACK,
			E820_RAM
		};
		info.fallback = true;
	} else if (rc) {
		panic("memory: XENMEM_%smemory_map failed: %ld",
		      is_dom0() ? "machine_" : "", rc);
	} else {
		raw.nr = mm.nr_entries;
	}
	map = raw;
	info.dropped = e820_sanitize(&map);
	trace_boot("memory: %u-entry map from %s, %u after sanitizing%s",
		   raw.nr,
		   info.fallback ? "nowhere (-ENOSYS): one RAM entry"
		   : is_dom0()	 ? "XENMEM_machine_memory_map"
				 : "XENMEM_memory_map",
		   map.nr, info.dropped ? " (entries dropped!)" : "");
}

static void give_back(xen_pfn_t *mfns, unsigned int n)
{
	struct xen_memory_reservation r = {
		.nr_extents = n,
		.extent_order = 0,
		.domid = DOMID_SELF,
	};
	long rc;

	if (!n)
		return;
	set_xen_guest_handle(r.extent_start, mfns);
	rc = xen_memory_op(XENMEM_decrease_reservation, &r);
	if (rc != (long)n)
		panic("memory: decrease_reservation freed %ld of %u frames", rc,
		      n);
	info.released += n;
}

/*
 * Xen frees no frame that is still mapped: decrease_reservation of a
 * mapped frame only drops the allocation reference, the frame stays
 * counted as ours and the stale PTE still reaches it. So each released
 * pfn that has a PTE is unmapped first, by what the page tables say and
 * not by what the builder promised: it maps up to the 4 MiB round-up
 * (physmap_probe), past mapped_pfn_end(). One merged mmu_update per
 * RELEASE_BATCH pfns, checked before a frame is given back.
 */
static void unmap_and_give_back(const unsigned long *pfns, xen_pfn_t *mfns,
				unsigned int n)
{
	uint64_t maddr, pte;
	int rc;

	mc_batch();
	for (unsigned int i = 0; i < n; i++)
		if (!pte_lookup((unsigned long)pfn_to_virt(pfns[i]), &maddr,
				&pte))
			mc_mmu_update(maddr | MMU_NORMAL_PT_UPDATE, 0);
	mc_tlb_flush_local();
	rc = mc_flush();
	if (rc)
		panic("memory: unmapping %u pfns to release failed: %d", n, rc);
	for (unsigned int i = 0; i < n; i++) {
		if (!pte_lookup((unsigned long)pfn_to_virt(pfns[i]), &maddr,
				&pte))
			panic("memory: pfn %#lx is still mapped (pte %#llx): "
			      "not releasing its frame",
			      pfns[i], (unsigned long long)pte);
		set_phys_to_machine(pfns[i], INVALID_MFN);
	}
	give_back(mfns, n);
}

static void release_frames(void)
{
	static xen_pfn_t mfns[RELEASE_BATCH];
	static unsigned long pfns[RELEASE_BATCH];
	unsigned int n = 0;

	for (unsigned int i = 0; i < holes.nr_release; i++) {
		for (unsigned long pfn = holes.release[i].start;
		     pfn < holes.release[i].end; pfn++) {
			if (!pfn_is_ours(pfn))
				continue;
			pfns[n] = pfn;
			mfns[n++] = pfn_to_mfn(pfn);
			if (n == RELEASE_BATCH) {
				unmap_and_give_back(pfns, mfns, n);
				n = 0;
			}
		}
	}
	if (n)
		unmap_and_give_back(pfns, mfns, n);
}

/*
 * The most pages this domain may have. dom0: its maximum reservation. A
 * domU's maximum reservation only follows the toolstack's current target
 * (xl sets it to memory= plus 1 MiB); the static maximum (maxmem=) is
 * what the memory map it was given covers.
 */
static unsigned long max_pages(void)
{
	domid_t self = DOMID_SELF;
	unsigned long ram_end = 0;
	long max;

	if (is_dom0()) {
		max = xen_memory_op(XENMEM_maximum_reservation, &self);
		return max > 0 ? (unsigned long)max : start_info->nr_pages;
	}
	for (unsigned int i = 0; i < map.nr; i++)
		if (map.entry[i].type == E820_RAM)
			ram_end =
				PFN_DOWN(map.entry[i].addr + map.entry[i].size);
	return ram_end;
}

static void plan_extra_memory(void)
{
	info.max_pages = max_pages();
	plan_extra(&map, start_info->nr_pages, info.max_pages, info.released,
		   &extra);
	trace_boot("memory: maximum %lu pages (%s); extra %lu pages in %u "
		   "region(s)",
		   info.max_pages,
		   is_dom0() ? "XENMEM_maximum_reservation"
			     : "end of RAM in the map",
		   extra.pages, extra.nr);
	if (extra.clamped || extra.unplaced)
		printk("memory: %lu extra pages over %dx the allocation and "
		       "%lu with no RAM in the map to go to are not used\n",
		       extra.clamped, EXTRA_MEM_RATIO, extra.unplaced);
}

/* Extra pfns need p2m entries; once all RAM is mapped there is room. */
static void grow_p2m(void)
{
	unsigned long bytes = extra.max_pfn * sizeof(unsigned long);

	if (extra.max_pfn > p2m_size())
		p2m_grow(early_alloc_pages((bytes + 4095) / 4096),
			 extra.max_pfn);
	trace_boot("memory: p2m has %lu entries", p2m_size());
}

void memory_setup(void)
{
	physmap_probe();
	fetch_map();
	if (plan_holes(&map, start_info->nr_pages, boot_end_pfn(), &holes)) {
		printk("memory: the memory map makes no sense: %s\n",
		       holes.error);
		for (unsigned int i = 0; i < raw.nr; i++)
			printk("  %016llx-%016llx type %u\n",
			       (unsigned long long)raw.entry[i].addr,
			       (unsigned long long)(raw.entry[i].addr +
						    raw.entry[i].size),
			       raw.entry[i].type);
		domain_shutdown(SHUTDOWN_crash);
	}
	p2m_init(&holes);
	early_alloc_init();
	release_frames();
	p2m_set_identity();
	trace_boot("memory: released %lu pages (decrease_reservation), "
		   "set %lu pages 1:1",
		   info.released, holes.identity_pages);
	if (holes.nr_kept)
		printk("memory: %u hole range(s) hold the kernel image and "
		       "stay as they are\n",
		       holes.nr_kept);
	plan_extra_memory();
	direct_map_init();
	grow_p2m();
	page_alloc_init();
	if (p2m_publish()) {
		printk("memory: no p2m frame list: xl save and xl dump-core "
		       "will refuse this domain\n");
	} else {
		unsigned long leaves, mids,
			top = p2m_frames_info(&leaves, &mids);

		trace_boot("memory: p2m frame list for the toolstack: %lu "
			   "entries in %lu page(s), %lu mid page(s), top at "
			   "mfn %#lx (shared_info arch)",
			   p2m_size(), leaves, mids, top);
	}
}
