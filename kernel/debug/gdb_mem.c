/*
 * gdb_mem.c - gdb's reads and writes of the domain's memory, which must
 * never fault: an address gdb names may be anything (a stale pointer, a
 * guard page, Xen's own area). Each page is looked up in the page tables
 * first (pte_lookup: present, 4 KiB, ours) and only then touched; the
 * first page that is not there ends a read (gdb takes the part it got)
 * and refuses a write before any byte is written.
 *
 * Writing code: pvmini's text is mapped read-only (W^X: no page is both
 * writable and executable), and a PV guest cannot change its own page
 * tables: Xen validates every entry. So a breakpoint's int3 is written
 * by asking Xen to remap that one page writable (update_va_mapping with
 * the same frame and RW added), writing, and mapping it back as it was
 * at once, the TLB entry flushed each time (UVMF_INVLPG). The page is
 * W+X only in between, with the domain stopped. Xen refuses RW for a
 * frame it holds as a page table: such a write fails cleanly.
 */
#include <arch/layout.h>
#include <pvmini/hypercall.h>
#include <pvmini/kernel.h>
#include "arch/x86/pte.h"
#include "kernel/debug/gdb_mem.h"
#include "mm/direct_map.h"

/* x86-64's 48-bit virtual addresses: others #GP instead of faulting. */
static bool canonical(uint64_t a)
{
	return a < 0x0000800000000000ULL || a >= 0xffff800000000000ULL;
}

static bool page_present(uint64_t a, uint64_t *pte)
{
	uint64_t maddr;

	return canonical(a) && !pte_lookup(a, &maddr, pte);
}

/* Bytes from a to the end of its page, at most n. */
static size_t in_page(uint64_t a, size_t n)
{
	size_t left = PAGE_SIZE - (a & (PAGE_SIZE - 1));

	return n < left ? n : left;
}

size_t gdb_mem_read(uint64_t addr, void *buf, size_t n)
{
	size_t done = 0;
	uint64_t pte;

	while (done < n) {
		uint64_t a = addr + done;
		size_t k = in_page(a, n - done);

		if (a < addr || !page_present(a, &pte))
			break;
		memcpy((char *)buf + done, (const void *)a, k);
		done += k;
	}
	return done;
}

/* One page's part of a write, through a writable mapping if need be. */
static int write_in_page(uint64_t a, const void *src, size_t k, uint64_t pte)
{
	unsigned long page = a & ~(uint64_t)(PAGE_SIZE - 1);
	long rc;

	if (pte & PTE_RW) {
		memcpy((void *)a, src, k);
		return 0;
	}
	if (xen_update_va_mapping(page, pte | PTE_RW, UVMF_INVLPG))
		return -1;
	memcpy((void *)a, src, k);
	rc = xen_update_va_mapping(page, pte, UVMF_INVLPG);
	if (rc) /* the page would stay W+X: no state to go on in */
		panic("gdb: cannot make %#lx read-only again: %ld", page, rc);
	return 0;
}

int gdb_mem_write(uint64_t addr, const void *buf, size_t n)
{
	size_t done;
	uint64_t pte;

	/* Every page first, so that a bad one leaves memory untouched. */
	for (done = 0; done < n;) {
		uint64_t a = addr + done;

		if (a < addr || !page_present(a, &pte))
			return -1;
		done += in_page(a, n - done);
	}
	for (done = 0; done < n;) {
		uint64_t a = addr + done;
		size_t k = in_page(a, n - done);

		if (!page_present(a, &pte) ||
		    write_in_page(a, (const char *)buf + done, k, pte))
			return -1;
		done += k;
	}
	return 0;
}
