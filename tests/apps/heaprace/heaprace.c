/*
 * heaprace - the heap and the page allocator from an event handler
 * while a thread uses them: a timer callback every TICK_NS allocates a
 * heap block for the thread to check and free later, and a page block it
 * fills, checks and frees at once; the thread allocates, fills, checks
 * and frees its own blocks in a loop meanwhile. Every block is filled
 * with its own byte: a block handed to both sides at once shows up as
 * the other's byte (or a double free stops the domain).
 */
#include <pvmini.h>
#include <pvmini/page_alloc.h>

#define TICK_NS (50 * NSEC_PER_USEC)
#define RUN_NS (1500 * NSEC_PER_MSEC)
#define RING 64

struct block {
	unsigned char *p;
	size_t size;
	unsigned char tag;
};

static const size_t sizes[] = { 8, 24, 100, 500, 1000, 2000, 3000, 9000 };
static struct block ring[RING];
static unsigned long head, tail; /* the handler fills, the thread empties */
static unsigned long handler_blocks, handler_pages, corrupt, rounds;
static struct timer tick;
static bool stop;

static bool fill_check(unsigned char *p, size_t n, unsigned char tag)
{
	memset(p, tag, n);
	for (size_t i = 0; i < n; i++)
		if (p[i] != tag)
			return false;
	return true;
}

static bool intact(const unsigned char *p, size_t n, unsigned char tag)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != tag)
			return false;
	return true;
}

static void on_tick(struct timer *t)
{
	unsigned long n = handler_blocks + handler_pages;
	unsigned char *pg = alloc_pages(n & 1);

	if (tail - head < RING) {
		struct block *b = &ring[tail % RING];

		b->size = sizes[n % ARRAY_SIZE(sizes)];
		b->tag = (unsigned char)(0x80 | n);
		b->p = kmalloc(b->size);
		if (b->p) {
			memset(b->p, b->tag, b->size);
			tail++;
			handler_blocks++;
		}
	}
	if (pg) {
		if (!fill_check(pg, 4096UL << (n & 1),
				(unsigned char)(0x40 | n)))
			corrupt++;
		free_pages(pg, n & 1);
		handler_pages++;
	}
	if (!stop)
		timer_arm(t, monotonic_ns() + TICK_NS, on_tick, NULL);
}

/* The handler's blocks: checked and freed by the thread. */
static void drain(void)
{
	for (;;) {
		unsigned long flags = local_irq_save();
		struct block b;

		if (head == tail) {
			local_irq_restore(flags);
			return;
		}
		b = ring[head++ % RING];
		local_irq_restore(flags);
		if (!intact(b.p, b.size, b.tag))
			corrupt++;
		kfree(b.p);
	}
}

int main(void)
{
	uint64_t end = monotonic_ns() + RUN_NS;

	timer_arm(&tick, monotonic_ns() + TICK_NS, on_tick, NULL);
	while (monotonic_ns() < end) {
		size_t size = sizes[rounds % ARRAY_SIZE(sizes)];
		unsigned char tag = (unsigned char)(rounds & 0x3f);
		unsigned char *p = kmalloc(size);
		unsigned char *pg = alloc_pages(rounds & 1);

		if (!p || !pg) {
			printk("heaprace: out of memory in round %lu\n",
			       rounds);
			return 1;
		}
		if (!fill_check(p, size, tag) ||
		    !fill_check(pg, 4096UL << (rounds & 1), tag))
			corrupt++;
		kfree(p);
		free_pages(pg, rounds & 1);
		drain();
		rounds++;
	}
	stop = true;
	timer_cancel(&tick);
	drain();
	printk("heaprace: %lu thread rounds, %lu heap blocks and %lu page "
	       "blocks in the handler, %lu corrupt\n",
	       rounds, handler_blocks, handler_pages, corrupt);
	if (corrupt || handler_blocks < 1000) {
		printk("heaprace: FAILED\n");
		return 1;
	}
	printk("heaprace: all good\n");
	return 0;
}
