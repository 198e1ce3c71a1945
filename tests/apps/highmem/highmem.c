/*
 * highmem - RAM above 2 GiB, which the direct map puts in its high
 * window (HIGH_MAP_BASE, arch/x86/include/arch/layout.h): takes every
 * free page from the allocator, stamps each with its own pfn at both
 * ends, reads every stamp back, frees it all and checks the free count
 * came back. Says how many pages lay above 2 GiB and where they were
 * mapped; FAIL lines on any surprise.
 */
#include <arch/layout.h>
#include <pvmini.h>
#include "mm/mm.h"
#include <pvmini/page_alloc.h>

#define MAGIC 0x9e3779b97f4a7c15UL

/* Each allocated block links to the next through its first word. */
struct block {
	struct block *next;
	unsigned int order;
};

static unsigned long stamp(void *va, unsigned int order, bool check)
{
	unsigned long bad = 0;

	for (unsigned long i = 0; i < (1UL << order); i++) {
		unsigned long *page = (unsigned long *)((char *)va + i * 4096);
		unsigned long want = virt_to_pfn(page) ^ MAGIC;

		if (!check) {
			page[2] = want;
			page[511] = ~want;
		} else if (page[2] != want || page[511] != ~want) {
			bad++;
		}
	}
	return bad;
}

int main(void)
{
	unsigned long before = free_page_count(), pages = 0, high = 0, bad = 0;
	uintptr_t lo = ~0UL, hi = 0;
	struct block *list = NULL;
	int failures = 0;

	printk("highmem: %lu pages in the domain, %lu free\n",
	       (unsigned long)start_info->nr_pages, before);
	for (int order = 9; order >= 0; order--) {
		struct block *b;

		while ((b = alloc_pages((unsigned int)order))) {
			unsigned long pfn = virt_to_pfn(b);

			stamp(b, (unsigned int)order, false);
			b->next = list;
			b->order = (unsigned int)order;
			list = b;
			pages += 1UL << order;
			if (pfn >= LOW_MAP_PFNS) {
				high += 1UL << order;
				if ((uintptr_t)b < lo)
					lo = (uintptr_t)b;
				if ((uintptr_t)b > hi)
					hi = (uintptr_t)b;
			}
		}
	}
	for (struct block *b = list; b; b = b->next)
		bad += stamp(b, b->order, true);
	printk("highmem: took %lu pages, %lu above 2 GiB (mapped %#lx-%#lx), "
	       "%lu stamps wrong\n",
	       pages, high, high ? lo : 0, high ? hi + 4095 : 0, bad);
	while (list) {
		struct block *next = list->next;

		free_pages(list, list->order);
		list = next;
	}
	if (!high || lo < HIGH_MAP_BASE) {
		printk("highmem: FAIL: no page above 2 GiB in the high window\n");
		failures++;
	}
	if (bad || pages != before) {
		printk("highmem: FAIL: %lu wrong stamps, %lu of %lu pages\n",
		       bad, pages, before);
		failures++;
	}
	if (free_page_count() != before) {
		printk("highmem: FAIL: %lu pages free after, %lu before\n",
		       free_page_count(), before);
		failures++;
	}
	printk("highmem: %s\n", failures ? "FAILED" : "all pages back");
	return failures;
}
