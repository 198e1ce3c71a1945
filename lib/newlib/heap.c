/*
 * heap.c - malloc for libc apps is pvmini's heap (mm/heap.c over the page
 * allocator): one allocator for the kernel and the app, and all of the
 * domain's memory (ballooned-in pages too) is there for malloc.
 *
 * newlib's malloc(), free(), stdio's buffers and the rest all go through
 * the reentrant entry points below; defining them keeps newlib's own
 * malloc (mallocr.c, which grows with sbrk) out of the image entirely.
 * There is deliberately no sbrk: should newlib's malloc ever be pulled in,
 * the link fails instead of a second allocator appearing.
 *
 * Exhaustion is an ordinary answer: NULL with ENOMEM, never a crash.
 */
#include <errno.h>
#include <malloc.h>
#include <reent.h>
#include <stddef.h>

#include <pvmini/page_alloc.h>

static void *or_enomem(struct _reent *r, void *p)
{
	if (!p)
		r->_errno = ENOMEM;
	return p;
}

void *_malloc_r(struct _reent *r, size_t n)
{
	return or_enomem(r, kmalloc(n));
}

void _free_r(struct _reent *r, void *p)
{
	(void)r;
	kfree(p); /* a bad or double free stops the domain with a message */
}

void *_calloc_r(struct _reent *r, size_t n, size_t size)
{
	return or_enomem(r, kcalloc(n, size));
}

void *_realloc_r(struct _reent *r, void *p, size_t n)
{
	if (p && !n) { /* newlib's choice for realloc(p, 0): free, NULL */
		kfree(p);
		return NULL;
	}
	return or_enomem(r, krealloc(p, n));
}

void *_memalign_r(struct _reent *r, size_t align, size_t n)
{
	return or_enomem(r, kmemalign(align, n));
}

size_t _malloc_usable_size_r(struct _reent *r, void *p)
{
	(void)r;
	return p ? ksize(p) : 0;
}

/* newlib has memalign but not this POSIX spelling of it. */
int posix_memalign(void **out, size_t align, size_t size)
{
	void *p;

	if (!align || (align & (align - 1)) || align % sizeof(void *))
		return EINVAL;
	p = kmemalign(align, size);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}
