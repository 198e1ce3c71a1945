/*
 * mm_suspend.c - the memory layer's part of a suspend (docs/suspend.md).
 *
 * The save code reads our p2m through the frame list and walks every
 * page table, refusing an entry that maps a frame that is not our RAM
 * ("Bad mfn for L1[...]"): by the time we suspend, every page that
 * showed a foreign frame (shared_info, the grant table) has been
 * unmapped by its owner, and this checks it. The restore gives every
 * page a new frame and writes the new p2m into our table, keeping only
 * entries that had frames: the 1:1 holes are set again, and the frame
 * list, which named the old frames, is built anew.
 */
#include <pvmini/console.h>
#include "mm/mm.h"
#include "mm/p2m.h"

int mm_suspend(void)
{
	for (unsigned long pfn = 0; pfn < p2m_size(); pfn++) {
		unsigned long e = p2m_entry(pfn);

		if (e != INVALID_MFN && (e & P2M_FOREIGN)) {
			printk("memory: pfn %#lx still shows foreign frame "
			       "%#lx: the save code would refuse the page "
			       "tables\n",
			       pfn, e & ~P2M_FLAGS);
			return -XEN_EBUSY;
		}
	}
	return 0;
}

int mm_resume(bool new_domain)
{
	if (!new_domain)
		return 0;
	p2m_set_identity();
	return p2m_publish();
}
