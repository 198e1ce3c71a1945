/*
 * heap.c - malloc-style allocation on top of a page allocator. Pure logic
 * (pages come through struct heap_pages), tested on the host.
 *
 * Every block starts with a 16-byte header (so payloads stay 16-byte
 * aligned, as SSE code expects) saying what the block is. Small blocks
 * (up to 2 KiB with the header) come from per-size free lists, carved
 * out of whole pages; bigger ones are runs of exactly as many pages as
 * they need and go straight back on free. Aligned blocks carry a second
 * header in front of the aligned payload that points back to the real
 * block.
 */
#include "mm/heap.h"

#define PAGE 4096UL
#define MAGIC_SMALL 0x5111a11cU
#define MAGIC_PAGES 0x9a9e5000U
#define MAGIC_ALIGNED 0xa119edU
#define HEADER 16UL
#define CLASSES 7 /* blocks of 32 << class bytes: 32 .. 2048 */

struct header {
	uint32_t magic;
	uint32_t kind;	/* size class, or number of pages */
	uint64_t extra; /* aligned: offset back to the real payload */
};

/* A free small block: its magic stays 0, so a second free is caught. */
struct free_block {
	uint32_t zero, pad;
	struct free_block *next;
};

static const struct heap_pages *pages;
static struct free_block *free_list[CLASSES];

void heap_init(const struct heap_pages *p)
{
	pages = p;
	for (int c = 0; c < CLASSES; c++)
		free_list[c] = NULL;
}

static struct header *header_of(const void *payload)
{
	return (struct header *)((uintptr_t)payload - HEADER);
}

static void *carve(unsigned int c)
{
	size_t block = 32UL << c;
	char *page = pages->alloc(0);

	if (!page)
		return NULL;
	for (size_t off = 0; off + block <= PAGE; off += block) {
		struct free_block *f = (struct free_block *)(page + off);

		f->zero = 0;
		f->next = free_list[c];
		free_list[c] = f;
	}
	return free_list[c];
}

/*
 * Gives back pages [p, p + n pages). The page allocator deals in aligned
 * powers of two, so the run goes back as the largest aligned pieces that
 * fit, which is exactly how a run carved from an aligned block splits.
 */
static void free_run(char *p, unsigned long n)
{
	while (n) {
		unsigned int order = 0;

		while ((2UL << order) <= n &&
		       !(((uintptr_t)p / PAGE) & ((2UL << order) - 1)))
			order++;
		pages->free(p, order);
		p += PAGE << order;
		n -= 1UL << order;
	}
}

/* A run of exactly n pages: the next power of two, minus its tail. */
static void *alloc_run(unsigned long n)
{
	unsigned int order = 0;
	char *p;

	while ((1UL << order) < n)
		order++;
	p = pages->alloc(order);
	if (p)
		free_run(p + n * PAGE, (1UL << order) - n);
	return p;
}

void *heap_alloc(size_t size)
{
	struct header *h;

	if (size > (1UL << 40)) /* nonsense sizes, and overflow below */
		return NULL;
	for (unsigned int c = 0; c < CLASSES; c++) {
		if (size + HEADER > 32UL << c)
			continue;
		if (!free_list[c] && !carve(c))
			return NULL;
		h = (struct header *)free_list[c];
		free_list[c] = free_list[c]->next;
		*h = (struct header){ MAGIC_SMALL, c, 0 };
		return (char *)h + HEADER;
	}
	h = alloc_run((size + HEADER + PAGE - 1) / PAGE);
	if (!h)
		return NULL;
	*h = (struct header){ MAGIC_PAGES,
			      (uint32_t)((size + HEADER + PAGE - 1) / PAGE),
			      0 };
	return (char *)h + HEADER;
}

size_t heap_usable_size(const void *p)
{
	const struct header *h = header_of(p);

	if (h->magic == MAGIC_ALIGNED)
		return heap_usable_size((const char *)p - h->extra) - h->extra;
	if (h->magic == MAGIC_SMALL)
		return (32UL << h->kind) - HEADER;
	return PAGE * h->kind - HEADER;
}

void *heap_alloc_aligned(size_t align, size_t size)
{
	char *raw, *p;
	struct header *h;

	if (!align || (align & (align - 1)) || align > (1UL << 30))
		return NULL;
	if (align <= HEADER)
		return heap_alloc(size);
	if (size > (1UL << 40))
		return NULL;
	/* Room to slide to the boundary with a header in front of it. */
	raw = heap_alloc(size + align + HEADER);
	if (!raw)
		return NULL;
	p = (char *)(((uintptr_t)raw + HEADER + align - 1) & ~(align - 1));
	h = header_of(p);
	*h = (struct header){ MAGIC_ALIGNED, 0, (uint64_t)(p - raw) };
	return p;
}

int heap_free(void *p)
{
	struct header *h;

	if (!p)
		return 0;
	if ((uintptr_t)p & (HEADER - 1))
		return -1;
	h = header_of(p);
	if (h->magic == MAGIC_ALIGNED) {
		h->magic = 0;
		return heap_free((char *)p - h->extra);
	}
	if (h->magic == MAGIC_SMALL && h->kind < CLASSES) {
		struct free_block *f = (struct free_block *)h;
		unsigned int c = h->kind;

		f->zero = 0;
		f->next = free_list[c];
		free_list[c] = f;
		return 0;
	}
	if (h->magic == MAGIC_PAGES && h->kind) {
		h->magic = 0;
		free_run((char *)h, h->kind);
		return 0;
	}
	return -1;
}

void *heap_realloc(void *p, size_t size)
{
	void *q;
	size_t have;

	if (!p)
		return heap_alloc(size);
	have = heap_usable_size(p);
	if (size <= have)
		return p;
	q = heap_alloc(size);
	if (!q)
		return NULL; /* p is left as it was, as C's realloc does */
	memcpy(q, p, have);
	heap_free(p);
	return q;
}
