/*
 * test_heap.c - the heap engine (mm/heap.c) over a fake page source with
 * a budget: sizes and alignment, exhaustion gives NULL, frees return
 * pages, bad and double frees are refused, and a random run keeps every
 * byte of every live block intact.
 */
#include "unit.h"

#include <pvmini/heap.h>
#include <stdlib.h>

static long budget, pages_out;

static void *fake_alloc(unsigned int order)
{
	void *p;

	if ((1L << order) > budget)
		return NULL;
	p = aligned_alloc(4096 << order, 4096 << order);
	budget -= 1L << order;
	pages_out += 1L << order;
	return p;
}

static void fake_free(void *va, unsigned int order)
{
	free(va);
	budget += 1L << order;
	pages_out -= 1L << order;
}

static const struct heap_pages fake = { fake_alloc, fake_free };

static void fresh(long pages)
{
	budget = pages;
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

TEST(large_blocks_return_their_pages)
{
	char *p;

	fresh(100);
	p = heap_alloc(40000); /* 10 pages -> an order-4 block */
	CHECK(p && pages_out == 16);
	CHECK(heap_free(p) == 0);
	CHECK(pages_out == 0);
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
	CHECK(pages_out <= 2); /* small-block pages stay with the heap */
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
	CHECK(heap_realloc(p, 20) == p); /* fits: stays */
	budget = 0;
	CHECK(heap_realloc(p, 1 << 20) == NULL); /* fails, p still valid */
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
