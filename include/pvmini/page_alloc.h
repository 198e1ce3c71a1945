/*
 * page_alloc.h - pages and heap memory for the kernel and apps.
 * Allocation never crashes: exhaustion returns NULL.
 */
#ifndef PVMINI_PAGE_ALLOC_H
#define PVMINI_PAGE_ALLOC_H

#include <pvmini/lib.h>

/* 2^order contiguous pages, mapped, not zeroed; NULL if none. */
void *alloc_pages(unsigned int order);
void free_pages(void *va, unsigned int order);
unsigned long free_page_count(void);

/* The kernel heap (mm/heap.c) over those pages. */
void *kmalloc(size_t size);
void *kcalloc(size_t n, size_t size);
void *krealloc(void *p, size_t size);
void *kmemalign(size_t align, size_t size); /* align: a power of two */
void kfree(void *p);
/* Bytes usable at p, a kmalloc'd block: at least what was asked for. */
size_t ksize(const void *p);

/*
 * Balloon: give pages back to Xen / take pages from it at run time.
 * Both return how many pages moved (Xen may grant fewer than asked:
 * a domU grows only up to the toolstack's current target).
 */
long balloon_down(unsigned long pages);
long balloon_up(unsigned long pages);

#endif
