/*
 * page_alloc.c - the kernel's page allocator and heap, set up once the
 * direct map covers all RAM: a buddy allocator (mm/buddy.c) over every
 * pfn that has a frame and is not the image's or the early allocator's,
 * and the heap (mm/heap.c) on top of it.
 *
 * Both may be called from event handlers and timer callbacks, which can
 * interrupt a thread anywhere - in the middle of a free-list change, say.
 * One vCPU: masking events makes each call atomic against handlers, so
 * every buddy and heap operation runs masked (a handler's own call finds
 * events masked already and leaves them so). Filling memory (kcalloc's
 * memset) runs unmasked: the block is the caller's alone by then.
 */
#include <pvmini/irq.h>
#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include "arch/x86/pagetable.h"
#include "mm/buddy.h"
#include "mm/direct_map.h"
#include "mm/heap.h"
#include "mm/mm.h"
#include "mm/p2m.h"

static struct buddy buddy;

void *alloc_pages(unsigned int order)
{
	unsigned long flags = local_irq_save();
	long pfn = buddy_alloc(&buddy, order);

	local_irq_restore(flags);
	return pfn < 0 ? NULL : pfn_to_virt(pfn);
}

void free_pages(void *va, unsigned int order)
{
	unsigned long flags = local_irq_save();
	int rc = buddy_free(&buddy, virt_to_pfn(va), order);

	local_irq_restore(flags);
	if (rc)
		panic("free_pages: %p (order %u) was not allocated", va, order);
}

unsigned long free_page_count(void)
{
	return buddy.free_pages;
}

/* Called by the balloon for pages Xen just gave us. */
void page_alloc_add(unsigned long pfn, unsigned long n)
{
	unsigned long flags = local_irq_save();

	buddy_add(&buddy, pfn, n);
	local_irq_restore(flags);
}

/* Page tables must start zeroed: no stale entry may reach Xen. */
static void *page_table_page(void)
{
	void *p = alloc_pages(0);

	if (!p)
		panic("out of memory for a page table");
	return memset(p, 0, 4096);
}

static const struct heap_pages kernel_pages = { alloc_pages, free_pages };

void page_alloc_init(void)
{
	unsigned long n = p2m_size(), start, end, meta_pages;

	meta_pages = (buddy_meta_size(n) + 4095) / 4096;
	buddy_init(&buddy, 0, n, early_alloc_pages(meta_pages));
	/* The early allocator hands out nothing after this point. */
	end = start_info->nr_pages < physmap_end() ? start_info->nr_pages
						   : physmap_end();
	for (unsigned long pfn = early_alloc_end(); pfn < end;) {
		if (!pfn_is_ours(pfn)) {
			pfn++;
			continue;
		}
		for (start = pfn; pfn < end && pfn_is_ours(pfn); pfn++)
			;
		buddy_add(&buddy, start, pfn - start);
	}
	early_alloc_close();
	direct_map_set_allocator(page_table_page);
	heap_init(&kernel_pages);
	trace_boot("mm: page allocator: %lu free pages (buddy, orders 0-%d), "
		   "%lu pages of state; %lu pages used before it",
		   buddy.free_pages, BUDDY_MAX_ORDER, meta_pages,
		   early_alloc_count());
}

void *kmalloc(size_t size)
{
	unsigned long flags = local_irq_save();
	void *p = heap_alloc(size);

	local_irq_restore(flags);
	return p;
}

void *kcalloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		return NULL;
	p = kmalloc(n * size);
	return p ? memset(p, 0, n * size) : NULL;
}

/* Masked throughout, the copy included (at most the old block's size):
 * heap_realloc allocates, copies and frees as one. */
void *krealloc(void *p, size_t size)
{
	unsigned long flags = local_irq_save();
	void *q = heap_realloc(p, size);

	local_irq_restore(flags);
	return q;
}

void *kmemalign(size_t align, size_t size)
{
	unsigned long flags = local_irq_save();
	void *p = heap_alloc_aligned(align, size);

	local_irq_restore(flags);
	return p;
}

/* Reads the block's own header, which only its owner changes. */
size_t ksize(const void *p)
{
	return heap_usable_size(p);
}

void kfree(void *p)
{
	unsigned long flags = local_irq_save();
	int rc = heap_free(p);

	local_irq_restore(flags);
	if (rc)
		panic("kfree: %p was not allocated by kmalloc, or was freed "
		      "already",
		      p);
}
