/*
 * p2m_frames.c - building the p2m frame list (mm/p2m_frames.h): which
 * frames hold the table, and which hold that list. Pure: the caller
 * says how a page of ours becomes a machine frame.
 */
#include <pvmini/xen.h>
#include "mm/p2m_frames.h"

#define NO_FRAME (~0UL)

int p2m_frames_layout(unsigned long size, struct p2m_frames_layout *l)
{
	if (!size)
		return -XEN_EINVAL;
	if (size > P2M_FRAMES_MAX_PFNS)
		return -XEN_E2BIG;
	l->leaves = (size + P2M_PER_PAGE - 1) / P2M_PER_PAGE;
	l->mids = (l->leaves + P2M_PER_PAGE - 1) / P2M_PER_PAGE;
	return 0;
}

/* Frames of n pages starting at first into out[0..n), ~0 after up to
 * slots; -XEN_EINVAL if a page has no frame. */
static int fill(unsigned long *out, unsigned long slots,
		const unsigned long *first, unsigned long n,
		unsigned long (*page_mfn)(const void *page))
{
	for (unsigned long i = 0; i < slots; i++) {
		out[i] = i < n ? page_mfn(first + i * P2M_PER_PAGE) : NO_FRAME;
		/* 0 is no frame either: the toolstack rejects both. */
		if (i < n && (out[i] == NO_FRAME || out[i] == 0))
			return -XEN_EINVAL;
	}
	return 0;
}

int p2m_frames_build(const unsigned long *table, unsigned long size,
		     const struct p2m_frames_layout *l, unsigned long *mid,
		     unsigned long *fll,
		     unsigned long (*page_mfn)(const void *page))
{
	struct p2m_frames_layout want;

	/* A leaf is a whole page of the table: entry pfn sits at offset
	 * pfn % 512 of leaf pfn / 512, for the toolstack as for us. */
	if ((uintptr_t)table % (P2M_PER_PAGE * sizeof(*table)) ||
	    (uintptr_t)mid % (P2M_PER_PAGE * sizeof(*mid)) ||
	    p2m_frames_layout(size, &want) || want.leaves != l->leaves ||
	    want.mids != l->mids)
		return -XEN_EINVAL;
	if (fill(mid, l->mids * P2M_PER_PAGE, table, l->leaves, page_mfn))
		return -XEN_EINVAL;
	return fill(fll, P2M_PER_PAGE, mid, l->mids, page_mfn);
}
