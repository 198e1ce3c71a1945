/*
 * heap.c - the memory behind newlib's malloc.
 *
 * newlib's malloc is the one allocator of a libc app; it grows its pool
 * with sbrk(). sbrk needs address space that extends contiguously, so it
 * is backed by one fixed arena in .bss (LIBC_HEAP_KB in config.mk).
 * libc_heap_grow() is the single place that knows this: moving malloc
 * onto pvmini's page allocator means changing that function only.
 *
 * Exhaustion is an ordinary answer: sbrk fails with ENOMEM and malloc
 * returns NULL, it never crashes.
 */
#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "glue.h"

static char arena[LIBC_HEAP_SIZE] __attribute__((aligned(4096)));
static size_t brk;

/*
 * Moves the break by incr bytes; returns the old break, or NULL when the
 * arena cannot grow (or shrink) that far.
 */
void *libc_heap_grow(ptrdiff_t incr);
void *libc_heap_grow(ptrdiff_t incr)
{
	char *old = arena + brk;

	if (incr > 0 && (size_t)incr > sizeof(arena) - brk)
		return NULL;
	if (incr < 0 && (size_t)-incr > brk)
		return NULL;
	brk += incr;
	return old;
}

void *sbrk(ptrdiff_t incr)
{
	void *old = libc_heap_grow(incr);

	if (!old) {
		glue_fail(ENOMEM);
		return (void *)-1;
	}
	return old;
}

/* newlib has memalign but not this POSIX spelling of it. */
int posix_memalign(void **out, size_t align, size_t size)
{
	void *p;

	if (!align || (align & (align - 1)) || align % sizeof(void *))
		return EINVAL;
	p = memalign(align, size);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}
