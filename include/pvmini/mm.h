/*
 * mm.h - frames and addresses in a PV guest.
 *
 * pfn: the guest's own page number (contiguous from 0). mfn: the real
 * machine frame behind it. The p2m list (start_info->mfn_list) maps pfn to
 * mfn; Xen's read-only M2P table maps mfn back to pfn. The domain builder
 * maps the image and what it allocated after it at VIRT_BASE + pfn * 4096.
 */
#ifndef PVMINI_MM_H
#define PVMINI_MM_H

#include <pvmini/lib.h>

/* Virtual address of one of our frames inside the initial mapping, or NULL
 * if the mfn is not ours or is not mapped there. */
void *mfn_to_virt(unsigned long mfn);

/* Maps the machine page at `maddr` over the page at `va` (page aligned). */
int map_machine_page(void *va, uint64_t maddr);

#endif
