/*
 * p2m.h - the guest's own pfn -> mfn table, and Xen's mfn -> pfn one.
 *
 * A PV guest keeps the p2m itself (Xen and the toolstack read it only to
 * save or migrate the guest). Besides real frames an entry can say
 *  - INVALID_MFN: no frame behind this pfn (released, or extra memory not
 *    populated yet);
 *  - P2M_IDENTITY | pfn: the pfn is a hole mapped 1:1, pfn N is machine
 *    frame N (BIOS tables, device memory);
 *  - P2M_FOREIGN | mfn: the pfn's page is mapped to a frame that is not
 *    RAM of ours (the grant table's), its own RAM frame given back.
 * pfn_to_mfn gives the frame without the flag; pfn_is_ours is true only
 * for a plain entry.
 * The table is a flat array for pfns below p2m_size; above it, pfns are
 * identity if a boot-time hole covers them, else invalid, so a host
 * with RAM above a 3 GiB hole costs no table for the hole.
 */
#ifndef PVMINI_P2M_H
#define PVMINI_P2M_H

#include "mm/memplan.h"

#define INVALID_MFN (~0UL)
#define P2M_IDENTITY (1UL << 62)
#define P2M_FOREIGN (1UL << 61)
#define P2M_FLAGS (P2M_IDENTITY | P2M_FOREIGN)

unsigned long pfn_to_mfn(unsigned long pfn);
/* The entry as stored, flags included (INVALID_MFN past the table). */
unsigned long p2m_entry(unsigned long pfn);
/* Xen's M2P; INVALID_MFN-like garbage for frames that are not ours. */
unsigned long mfn_to_pfn(unsigned long mfn);
/* Is pfn backed by a frame of ours that points back (p2m and M2P agree)? */
bool pfn_is_ours(unsigned long pfn);
void set_phys_to_machine(unsigned long pfn, unsigned long entry);

/* Starts on the builder's list; holes above p2m_size come from `holes`. */
void p2m_init(const struct hole_plan *holes);
/* Moves the table to `storage` (entries for new_size pfns), new ones
 * INVALID; returns the old size. */
unsigned long p2m_grow(unsigned long *storage, unsigned long new_size);
unsigned long p2m_size(void);
/* Sets every boot-time hole below p2m_size 1:1 (at boot, and after a
 * restore: the toolstack keeps only entries with frames behind them). */
void p2m_set_identity(void);
/* The table itself (p2m_size entries), for the frame list. */
const unsigned long *p2m_table(void);

/*
 * The p2m frame list in shared_info->arch (mm/p2m_publish.c,
 * mm/p2m_frames.h): the toolstack reads our p2m through it (xl save,
 * xl dump-core). Published once the page allocator runs, again when the
 * table moves, and after a restore, which zeroes it (the frames it
 * named were the old domain's). Returns 0 or a negative Xen errno.
 */
int p2m_publish(void);
bool p2m_published(void);
/* What was published: the top's mfn (0: nothing), and the list's size
 * (either pointer may be NULL). */
unsigned long p2m_frames_info(unsigned long *leaves, unsigned long *mids);

struct p2m_stats {
	unsigned long valid, identity, invalid, foreign;
};
void p2m_count(struct p2m_stats *s);

#endif
