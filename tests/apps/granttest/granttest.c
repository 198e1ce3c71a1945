/*
 * granttest - what granting may hand out, and what setting up the grant
 * table does to the domain's own memory.
 *
 * 1. A pfn of a hole mapped 1:1 (BIOS, device memory: not our RAM) must
 *    not be granted; dom0 has such pfns, a domU under xl none.
 * 2. A frame above 16 TiB does not fit a v1 entry's 32-bit frame field:
 *    refused, not truncated to some other frame. (A pfn's p2m entry is
 *    pointed at such a frame for the test, then restored.)
 * 3. The table's frames are mapped over pages of our own: the RAM frames
 *    behind them must go back to Xen (its count of our pages drops by
 *    4), the direct map must still agree with the p2m, and the table
 *    must not be executable.
 * 4. That swap failing half-way (the second frame is one Xen refuses)
 *    puts everything back: both pages map their own frames again, the
 *    p2m and Xen's count are as before.
 */
#include <pvmini.h>
#include <pvmini/page_alloc.h>
#include "arch/x86/pte.h"
#include "mm/direct_map.h"
#include "mm/mm.h"
#include "mm/p2m.h"

static int failures;

static void check(bool ok, const char *what)
{
	if (!ok) {
		failures++;
		printk("granttest: FAIL: %s\n", what);
	}
}

static const char *name(int rc)
{
	return rc >= 0 ? "granted" : rc == -XEN_EINVAL ? "EINVAL" : "error";
}

static long reservation(void)
{
	domid_t self = DOMID_SELF;

	return xen_memory_op(XENMEM_current_reservation, &self);
}

static void identity_pfn(void)
{
	const struct hole_plan *h = mem_info()->holes;
	unsigned long pfn;
	int rc;

	if (!h->nr_identity) {
		printk("granttest: no pfn mapped 1:1 in this domain\n");
		return;
	}
	pfn = h->identity[0].start;
	rc = gnttab_grant_access(0, pfn_to_virt(pfn), true);
	printk("granttest: grant of 1:1 pfn %#lx: %s\n", pfn, name(rc));
	check(rc == -XEN_EINVAL, "a 1:1 pfn was granted");
	if (rc >= 0)
		gnttab_end_access(rc);
}

static void frame_above_16tib(void)
{
	void *page = alloc_pages(0);
	unsigned long pfn = virt_to_pfn(page), mfn = pfn_to_mfn(pfn);
	int rc;

	/* Truncated to 32 bits this is the page's own frame: harmless. */
	set_phys_to_machine(pfn, (1UL << 32) | mfn);
	rc = gnttab_grant_access(0, page, true);
	set_phys_to_machine(pfn, mfn);
	printk("granttest: grant of a frame above 16 TiB (%#lx): %s\n",
	       (1UL << 32) | mfn, name(rc));
	check(rc == -XEN_EINVAL, "a frame above 16 TiB was granted");
	if (rc >= 0)
		gnttab_end_access(rc);
	free_pages(page, 0);
}

static void table_setup(void)
{
	static char data_page[4096] __attribute__((aligned(4096)));
	struct physmap_audit a0, a1;
	uint64_t maddr, pte;
	bool nx = !pte_lookup((unsigned long)data_page, &maddr, &pte) &&
		  (pte & PTE_NX);
	void *page = alloc_pages(0);
	long r0, r1;
	int ref;

	physmap_audit(&a0);
	r0 = reservation();
	ref = gnttab_grant_access(0, page, false);
	r1 = reservation();
	physmap_audit(&a1);
	printk("granttest: first grant: %s; table of %u refs\n", name(ref),
	       gnttab_size());
	check(ref >= 0, "a grant of our own page");
	printk("granttest: Xen's count of our pages: %ld before the table, "
	       "%ld after\n",
	       r0, r1);
	check(r1 == r0 - 4, "the RAM frames under the table went back");
	printk("granttest: mappings that disagree with the p2m: %lu before, "
	       "%lu after\n",
	       a0.stray, a1.stray);
	check(a1.stray == a0.stray, "the direct map agrees with the p2m");
	for (unsigned long i = a0.stray; i < a1.stray && i < AUDIT_KEEP; i++)
		printk("granttest: pfn %#lx mapped by pte %#llx, p2m %#lx\n",
		       a1.stray_pfn[i], (unsigned long long)a1.stray_pte[i],
		       pfn_to_mfn(a1.stray_pfn[i]));
	printk("granttest: writable+executable mappings (NX %s): %lu "
	       "before, %lu after\n",
	       nx ? "on" : "off", a0.wx, a1.wx);
	check(!nx || a1.wx == a0.wx, "the grant table is not executable");
	if (ref >= 0)
		check(gnttab_end_access(ref) == 0, "end access");
	free_pages(page, 0);
}

static void swap_fails_half_way(void)
{
	char *pages = alloc_pages(1), *other = alloc_pages(0);
	xen_pfn_t mfns[2] = { pfn_to_mfn(virt_to_pfn(other)), 0x7ffffffffUL };
	struct physmap_audit a0, a1;
	long r0, r1;
	int rc;

	pages[0] = 'A';
	pages[4096] = 'B';
	physmap_audit(&a0);
	r0 = reservation();
	rc = swap_in_foreign_frames(pages, mfns, 2);
	r1 = reservation();
	physmap_audit(&a1);
	printk("granttest: swap failing at its second frame: %d; pages "
	       "hold '%c%c'; Xen's count %ld -> %ld; mappings that disagree "
	       "with the p2m %lu -> %lu\n",
	       rc, pages[0], pages[4096], r0, r1, a0.stray, a1.stray);
	check(rc < 0 && pages[0] == 'A' && pages[4096] == 'B' && r1 == r0 &&
		      a1.stray == a0.stray,
	      "a failed swap put everything back");
	free_pages(pages, 1);
	free_pages(other, 0);
}

int main(void)
{
	check(gnttab_size() == 0, "no grant table before the test");
	table_setup();
	identity_pfn();
	frame_above_16tib();
	swap_fails_half_way();
	printk("granttest: %s\n", failures ? "FAILED" : "all good");
	return failures ? 1 : 0;
}
