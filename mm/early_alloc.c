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
#include "mm/mm.h"
#include "mm/p2m.h"

static unsigned long next_pfn, pages_given;
static bool closed;

/* Only what is mapped (it grows) and part of the initial allocation. */
static unsigned long limit(void)
{
	unsigned long end = physmap_end();

	return end < start_info->nr_pages ? end : start_info->nr_pages;
}

void early_alloc_init(void)
{
	next_pfn = boot_end_pfn();
}

/*
 * Finds n contiguous pages from next_pfn on that are ours and mapped:
 * released pfns (holes) are stepped over, not counted as room.
 */
static bool find(unsigned long n, unsigned long *start)
{
	unsigned long s = next_pfn;

	for (unsigned long pfn = s; pfn < s + n; pfn++) {
		if (pfn >= limit())
			return false;
		if (!pfn_is_ours(pfn)) /* released: start after it */
			s = pfn + 1;
	}
	*start = s;
	return true;
}

bool early_alloc_has(unsigned long n)
{
	unsigned long start;

	return find(n, &start);
}

/* n contiguous zeroed pages, or a panic: boot cannot go on without. */
void *early_alloc_pages(unsigned long n)
{
	unsigned long start;

	if (closed)
		panic("early_alloc after the page allocator took over");
	if (!find(n, &start))
		panic("early_alloc: %lu pages do not fit below pfn %#lx "
		      "(mapped so far)",
		      n, limit());
	next_pfn = start + n;
	pages_given += n;
	memset(pfn_to_virt(start), 0, n * 4096);
	return pfn_to_virt(start);
}

void early_alloc_close(void)
{
	closed = true;
}

unsigned long early_alloc_end(void)
{
	return next_pfn;
}

unsigned long early_alloc_count(void)
{
	return pages_given;
}
