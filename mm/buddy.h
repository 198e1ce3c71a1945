/*
 * buddy.h - a binary buddy allocator over a range of page numbers.
 *
 * Blocks are 2^order pages, aligned to their size (relative to the first
 * page); a freed block merges with its free "buddy" (the other half of
 * the block one order up), so free memory stays in large blocks. Alloc
 * and free cost O(BUDDY_MAX_ORDER). All state lives in side arrays (9
 * bytes per page), never in the pages: pure logic, tested on the host.
 * Not reentrant: mm/page_alloc.c masks events around each call.
 */
#ifndef PVMINI_BUDDY_H
#define PVMINI_BUDDY_H

#include <pvmini/lib.h>

#define BUDDY_MAX_ORDER 10 /* 4 MiB blocks */

struct buddy {
	unsigned long base, npages;
	uint8_t *state; /* per page: BUDDY_FREE | order on a free head */
	uint32_t *next; /* free-list links, page indexes */
	uint32_t *prev;
	uint32_t head[BUDDY_MAX_ORDER + 1];
	unsigned long free_pages;
};

/* Bytes of side arrays for npages pages. */
size_t buddy_meta_size(unsigned long npages);
/* Every page starts allocated; hand free ones over with buddy_add. */
void buddy_init(struct buddy *b, unsigned long base, unsigned long npages,
		void *meta);
/* Frees pages [pfn, pfn + n) that were never handed out. */
void buddy_add(struct buddy *b, unsigned long pfn, unsigned long n);
/* The first page of a free 2^order block, or -1 if there is none. */
long buddy_alloc(struct buddy *b, unsigned int order);
/* Returns 0, or -1 if the block is not one buddy_alloc could have
 * returned or part of it is already free (a double free). */
int buddy_free(struct buddy *b, unsigned long pfn, unsigned int order);

#endif
