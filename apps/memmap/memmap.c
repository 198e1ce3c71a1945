/*
 * memmap - what pvmini's memory setup found and did: the memory map as
 * Xen gave it and as sanitized, the pfns set 1:1 and the frames released,
 * the extra memory regions, and the p2m as it stands.
 */
#include <pvmini.h>
#include <pvmini/mm.h>
#include <pvmini/p2m.h>

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

	printk("nr_pages %lu, maximum %lu, boot image ends at pfn %#lx\n",
	       start_info->nr_pages, mi->max_pages, boot_end_pfn());
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
	printk("p2m: %lu entries: %lu valid, %lu identity, %lu invalid\n",
	       p2m_size(), st.valid, st.identity, st.invalid);
	return 0;
}
