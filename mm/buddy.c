/*
 * buddy.c - the buddy allocator (mm/buddy.h). Pure logic.
 */
#include "lib/assert.h"
#include "mm/buddy.h"

#define BUDDY_FREE 0x80
#define NONE UINT32_MAX

size_t buddy_meta_size(unsigned long npages)
{
	return npages * (sizeof(uint8_t) + 2 * sizeof(uint32_t));
}

void buddy_init(struct buddy *b, unsigned long base, unsigned long npages,
		void *meta)
{
	ASSERT(npages < NONE); /* page indexes are 32 bits, NONE excluded */
	b->base = base;
	b->npages = npages;
	b->next = meta;
	b->prev = b->next + npages;
	b->state = (uint8_t *)(b->prev + npages);
	memset(b->state, 0, npages);
	for (int o = 0; o <= BUDDY_MAX_ORDER; o++)
		b->head[o] = NONE;
	b->free_pages = 0;
}

static void push(struct buddy *b, uint32_t i, unsigned int order)
{
	b->state[i] = BUDDY_FREE | order;
	b->prev[i] = NONE;
	b->next[i] = b->head[order];
	if (b->head[order] != NONE)
		b->prev[b->head[order]] = i;
	b->head[order] = i;
}

static void unlink_block(struct buddy *b, uint32_t i, unsigned int order)
{
	if (b->prev[i] != NONE)
		b->next[b->prev[i]] = b->next[i];
	else
		b->head[order] = b->next[i];
	if (b->next[i] != NONE)
		b->prev[b->next[i]] = b->prev[i];
	b->state[i] = 0;
}

/* Frees block i of `order` and merges it with free buddies. */
static void release(struct buddy *b, uint32_t i, unsigned int order)
{
	b->free_pages += 1UL << order;
	while (order < BUDDY_MAX_ORDER) {
		uint32_t buddy = i ^ (1U << order);

		if (buddy + (1UL << order) > b->npages ||
		    b->state[buddy] != (BUDDY_FREE | order))
			break;
		unlink_block(b, buddy, order);
		i &= ~(1U << order);
		order++;
	}
	push(b, i, order);
}

void buddy_add(struct buddy *b, unsigned long pfn, unsigned long n)
{
	uint32_t i, end;

	ASSERT(pfn >= b->base && n <= b->npages &&
	       pfn - b->base <= b->npages - n);
	i = pfn - b->base;
	end = i + n;

	/* The largest aligned blocks that fit, so merging rarely recurses. */
	while (i < end) {
		unsigned int order = 0;

		while (order < BUDDY_MAX_ORDER && !(i & (1U << order)) &&
		       i + (2U << order) <= end)
			order++;
		release(b, i, order);
		i += 1U << order;
	}
}

long buddy_alloc(struct buddy *b, unsigned int order)
{
	unsigned int o = order;
	uint32_t i;

	if (order > BUDDY_MAX_ORDER)
		return -1;
	while (o <= BUDDY_MAX_ORDER && b->head[o] == NONE)
		o++;
	if (o > BUDDY_MAX_ORDER)
		return -1;
	i = b->head[o];
	ASSERT(b->state[i] == (BUDDY_FREE | o)); /* what push() wrote */
	unlink_block(b, i, o);
	while (o > order) { /* split: keep the front, free the back half */
		o--;
		push(b, i + (1U << o), o);
	}
	b->free_pages -= 1UL << order;
	return (long)(b->base + i);
}

int buddy_free(struct buddy *b, unsigned long pfn, unsigned int order)
{
	unsigned long i = pfn - b->base;

	if (pfn < b->base || order > BUDDY_MAX_ORDER ||
	    (i & ((1UL << order) - 1)) || i + (1UL << order) > b->npages)
		return -1;
	/* A free head inside the block, or a free block containing it. */
	for (unsigned long j = i; j < i + (1UL << order); j++)
		if (b->state[j] & BUDDY_FREE)
			return -1;
	for (unsigned int o = order + 1; o <= BUDDY_MAX_ORDER; o++) {
		unsigned long h = i & ~((1UL << o) - 1);

		if (b->state[h] == (BUDDY_FREE | o))
			return -1;
	}
	release(b, i, order);
	return 0;
}
