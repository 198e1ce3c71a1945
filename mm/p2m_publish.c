/*
 * p2m_publish.c - telling the toolstack where our p2m is
 * (mm/p2m_frames.h). A PV guest keeps its own p2m; xl save and
 * xl dump-core read it from outside, by machine frame, through
 * shared_info->arch: max_pfn (the number of entries) and
 * pfn_to_mfn_frame_list_list (the top of a three-level list of the
 * frames holding the table). Without it the save code stops at once
 * ("Bad mfn 0 for p2m frame list list") and dump-core too.
 *
 * The list's pages come from the page allocator and stay ours for good;
 * the table's own pages are the leaves, so ballooning (entries change,
 * pages do not) keeps the list true. A restore gives every page a new
 * frame, writes the new p2m into the leaves and zeroes the top pointer:
 * publishing again rebuilds the list from the table as it is then.
 */
#include <pvmini/console.h>
#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include "mm/mm.h"
#include "mm/p2m.h"
#include "mm/p2m_frames.h"

static struct p2m_frames_layout layout;
static unsigned long *mid, *fll;
static unsigned int mid_order;

static unsigned long page_mfn(const void *page)
{
	unsigned long pfn = virt_to_pfn(page);

	return pfn_is_ours(pfn) ? pfn_to_mfn(pfn) : ~0UL;
}

static unsigned int order_of(unsigned long pages)
{
	unsigned int order = 0;

	while ((1UL << order) < pages)
		order++;
	return order;
}

/* Pages for a layout of l->mids mid pages, kept if big enough. */
static int get_pages(const struct p2m_frames_layout *l)
{
	unsigned int order = order_of(l->mids);
	unsigned long *m;

	if (!fll && !(fll = alloc_pages(0)))
		return -XEN_ENOMEM;
	if (mid && order <= mid_order)
		return 0;
	m = alloc_pages(order);
	if (!m)
		return -XEN_ENOMEM;
	if (mid)
		free_pages(mid, mid_order);
	mid = m;
	mid_order = order;
	return 0;
}

bool p2m_published(void)
{
	return fll && shared_info->arch.pfn_to_mfn_frame_list_list;
}

int p2m_publish(void)
{
	unsigned long size = p2m_size();
	struct p2m_frames_layout l;
	int rc = p2m_frames_layout(size, &l);

	if (!rc)
		rc = get_pages(&l);
	if (!rc)
		rc = p2m_frames_build(p2m_table(), size, &l, mid, fll,
				      page_mfn);
	if (rc) {
		printk("memory: p2m frame list for %lu entries: error %d\n",
		       size, rc);
		return rc;
	}
	layout = l;
	/* The toolstack reads these only while we are paused; the order
	 * matters to a reader that is not: the list before its top. */
	shared_info->arch.max_pfn = size;
	__atomic_store_n(&shared_info->arch.pfn_to_mfn_frame_list_list,
			 page_mfn(fll), __ATOMIC_RELEASE);
	return 0;
}

unsigned long p2m_frames_info(unsigned long *leaves, unsigned long *mids)
{
	if (leaves)
		*leaves = layout.leaves;
	if (mids)
		*mids = layout.mids;
	return shared_info->arch.pfn_to_mfn_frame_list_list;
}
