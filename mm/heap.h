/*
 * heap.h - the heap's engine (mm/heap.c), separate from where its pages
 * come from so that host tests can give it pages of their own.
 *
 * Not reentrant: a call must not start while another is under way. The
 * kernel's wrappers (kmalloc ... in mm/page_alloc.c) mask events around
 * each call, which makes them safe from event handlers.
 */
#ifndef PVMINI_HEAP_H
#define PVMINI_HEAP_H

#include <pvmini/lib.h>

struct heap_pages {
	void *(*alloc)(unsigned int order); /* NULL when out of pages */
	void (*free)(void *va, unsigned int order);
};

void heap_init(const struct heap_pages *pages);
void *heap_alloc(size_t size);
void *heap_alloc_aligned(size_t align, size_t size);
void *heap_realloc(void *p, size_t size);
/* Returns 0, or -1 if p did not come from this heap (nothing is freed). */
int heap_free(void *p);
/* Bytes usable at p (at least what was asked for). */
size_t heap_usable_size(const void *p);

#endif
