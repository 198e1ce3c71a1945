/*
 * early_alloc.c - pages for the kernel's own tables (a bigger p2m, page
 * tables, allocator state) before the page allocator exists.
 *
 * It hands out whole pages upward from the end of what the domain
 * builder allocated, only inside the range the builder mapped for us
 * (nothing else is reachable yet), and only pfns still backed by our own
 * frames (the memory setup may have released some). The page allocator
 * later takes over from early_alloc_end().
 */
#include <pvmini/kernel.h>
#include <pvmini/mm.h>
#include <pvmini/p2m.h>

static unsigned long next_pfn, limit_pfn, pages_given;

void early_alloc_init(void)
{
	next_pfn = boot_end_pfn();
	limit_pfn = mapped_pfn_end();
	if (limit_pfn > start_info->nr_pages)
		limit_pfn = start_info->nr_pages;
}

/* n contiguous zeroed pages, or a panic: boot cannot go on without. */
void *early_alloc_pages(unsigned long n)
{
	unsigned long start = next_pfn;

	for (unsigned long pfn = start; pfn < start + n; pfn++) {
		if (pfn >= limit_pfn)
			panic("early_alloc: %lu pages do not fit below pfn "
			      "%#lx (mapped at boot)",
			      n, limit_pfn);
		if (!pfn_is_ours(pfn)) /* released: start after it */
			start = pfn + 1;
	}
	next_pfn = start + n;
	pages_given += n;
	memset(pfn_to_virt(start), 0, n * 4096);
	return pfn_to_virt(start);
}

unsigned long early_alloc_end(void)
{
	return next_pfn;
}

unsigned long early_alloc_count(void)
{
	return pages_given;
}
