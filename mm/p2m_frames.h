/*
 * p2m_frames.h - the p2m frame list a PV guest publishes in
 * shared_info->arch (mm/p2m_frames.c builds it, pure: tests/unit/
 * test_p2m_frames.c; mm/p2m_publish.c publishes it).
 *
 * The toolstack reads our p2m (xl save, xl dump-core) without knowing
 * where it lives in our address space, so it is told machine frames:
 * a three-level tree of pages, each holding P2M_PER_PAGE frame numbers.
 *
 *   arch.pfn_to_mfn_frame_list_list -> fll page: the mid pages' mfns
 *   mid page j -> the mfns of leaves j * 512 .. j * 512 + 511
 *   leaf i     -> a page of the p2m itself: entries for pfns
 *                 i * 512 .. i * 512 + 511
 *   arch.max_pfn = the number of p2m entries (not the highest pfn)
 *
 * The leaves are the live table, so ballooning (which changes entries)
 * needs no republishing; moving or growing the table does.
 */
#ifndef MM_P2M_FRAMES_H
#define MM_P2M_FRAMES_H

#include <pvmini/lib.h>

#define P2M_PER_PAGE 512UL /* 8-byte entries in a 4 KiB page */
/* One fll page names at most 512 mid pages: 512^3 pfns, 512 GiB. */
#define P2M_FRAMES_MAX_PFNS (P2M_PER_PAGE * P2M_PER_PAGE * P2M_PER_PAGE)

struct p2m_frames_layout {
	unsigned long leaves; /* pages of the table: ceil(size / 512) */
	unsigned long mids;   /* mid pages: ceil(leaves / 512) */
};

/* The pages a table of `size` entries needs; -XEN_E2BIG above
 * P2M_FRAMES_MAX_PFNS, -XEN_EINVAL for 0. */
int p2m_frames_layout(unsigned long size, struct p2m_frames_layout *l);

/*
 * Fills mid (l->mids pages, contiguous) with the mfn of each leaf page
 * of table (page aligned, `size` entries) and fll (one page) with the
 * mfn of each mid page; unused slots get ~0 (no frame). page_mfn turns
 * a page of ours into its machine frame. Returns 0, or -XEN_EINVAL for
 * an unaligned table or a page without a frame.
 */
int p2m_frames_build(const unsigned long *table, unsigned long size,
		     const struct p2m_frames_layout *l, unsigned long *mid,
		     unsigned long *fll,
		     unsigned long (*page_mfn)(const void *page));

#endif
