/*
 * test_heap.c - the heap engine (mm/heap.c) over the buddy allocator on
 * an arena: sizes and alignment, big blocks take exactly their pages,
 * exhaustion gives NULL, frees return pages, bad and double frees are refused,
 * and a random run keeps every byte of every live block intact.
 */
#include <stdlib.h>
#include "mm/buddy.h"
#include "mm/heap.h"
#include "unit.h"

/* Pages from the real buddy allocator over an arena: partial frees and
 * alignment behave as in the kernel. */
#define ARENA_PAGES 4096
static struct buddy b;
static char *arena;
static unsigned char meta[ARENA_PAGES * 9];
static long pages_out;

static void *buddy_pages(unsigned int order)
{
	long i = buddy_alloc(&b, order);

	if (i < 0)
		return NULL;
	pages_out += 1L << order;
	return arena + i * 4096;
}

static void buddy_free_pages(void *va, unsigned int order)
{
	if (buddy_free(&b, ((char *)va - arena) / 4096, order))
		abort(); /* the heap freed something it did not own */
	pages_out -= 1L << order;
}

static const struct heap_pages fake = { buddy_pages, buddy_free_pages };

static void fresh(long pages)
{
	if (!arena)
		arena = aligned_alloc(4096 << 12, ARENA_PAGES * 4096UL);
	buddy_init(&b, 0, ARENA_PAGES, meta);
	buddy_add(&b, 0, pages);
	pages_out = 0;
	heap_init(&fake);
}

TEST(sizes_fit_and_are_16_aligned)
{
	static const size_t sizes[] = { 0,    1,    15,	  16,	17,    100,
					2032, 2033, 4080, 4081, 100000 };

	fresh(1000);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char *p = heap_alloc(sizes[i]);

		CHECK(p != NULL);
		CHECK(((uintptr_t)p & 15) == 0);
		CHECK(heap_usable_size(p) >= sizes[i]);
		memset(p, 0xab, sizes[i]);
		CHECK(heap_free(p) == 0);
	}
}

TEST(large_blocks_take_exactly_their_pages)
{
	char *p, *q;

	fresh(1000); /* a 65-page run passes through a 128-page block */
	p = heap_alloc(40000); /* 40016 bytes with the header: 10 pages */
	CHECK(p && pages_out == 10);
	CHECK(heap_usable_size(p) == 10 * 4096 - 16);
	q = heap_alloc(256 * 1024); /* 65 pages, not 128 */
	CHECK(q && pages_out == 75);
	memset(p, 1, 40000);
	memset(q, 2, 256 * 1024);
	CHECK(heap_free(p) == 0);
	CHECK(heap_free(q) == 0);
	CHECK(pages_out == 0 && b.free_pages == 1000);
}

TEST(aligned_allocation)
{
	static const size_t aligns[] = { 1, 16, 32, 64, 4096, 65536 };

	fresh(1000);
	for (size_t i = 0; i < sizeof(aligns) / sizeof(aligns[0]); i++) {
		char *p = heap_alloc_aligned(aligns[i], 300);

		CHECK(p && ((uintptr_t)p % aligns[i]) == 0);
		CHECK(heap_usable_size(p) >= 300);
		memset(p, 1, 300);
		CHECK(heap_free(p) == 0);
	}
	CHECK(heap_alloc_aligned(24, 10) == NULL); /* not a power of two */
	CHECK(pages_out <= 3); /* small-block pages stay with the heap */
}

TEST(exhaustion_gives_null_then_recovers)
{
	void *keep[64];
	int n = 0;

	fresh(8);
	while (n < 64 && (keep[n] = heap_alloc(3000)) != NULL)
		n++;
	CHECK(n == 8); /* one page each, then no more */
	CHECK(heap_alloc(100000) == NULL);
	CHECK(heap_free(keep[--n]) == 0);
	CHECK(heap_alloc(3000) != NULL);
}

TEST(realloc_keeps_contents)
{
	char *p;

	fresh(100);
	p = heap_alloc(10);
	memcpy(p, "0123456789", 10);
	p = heap_realloc(p, 5000);
	CHECK(p && !memcmp(p, "0123456789", 10));
	CHECK(heap_realloc(p, 20) == p);	 /* fits: stays */
	CHECK(heap_realloc(p, 1 << 24) == NULL); /* fails, p still valid */
	CHECK(!memcmp(p, "0123456789", 10));
}

TEST(bad_and_double_frees_are_refused)
{
	char *p, local[64] = { 0 };

	fresh(10);
	p = heap_alloc(50);
	CHECK(heap_free(p) == 0);
	CHECK(heap_free(p) == -1);
	CHECK(heap_free(local + 16) == -1);
	CHECK(heap_free(p + 1) == -1);
	CHECK(heap_free(NULL) == 0);
}

TEST(random_run_keeps_every_byte)
{
	static unsigned char *blk[500];
	static size_t len[500];

	srand(11);
	fresh(4000);
	for (int step = 0; step < 20000; step++) {
		int k = rand() % 500;

		if (blk[k]) {
			for (size_t j = 0; j < len[k]; j++)
				CHECK(blk[k][j] == (unsigned char)(k + j));
			CHECK(heap_free(blk[k]) == 0);
			blk[k] = NULL;
		} else {
			len[k] = rand() % 3 ? rand() % 600 : rand() % 20000;
			blk[k] = heap_alloc(len[k]);
			CHECK(blk[k] != NULL);
			for (size_t j = 0; j < len[k]; j++)
				blk[k][j] = (unsigned char)(k + j);
		}
	}
	for (int k = 0; k < 500; k++)
		if (blk[k])
			CHECK(heap_free(blk[k]) == 0);
}
