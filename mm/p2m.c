/*
 * p2m.c - the pfn -> mfn table (mm/p2m.h).
 *
 * The domain builder hands us the table at start_info->mfn_list with one
 * entry per page of the initial allocation. Extra memory needs entries
 * beyond that, so the table moves to storage the memory setup allocates.
 */
#include <pvmini/kernel.h>
#include "mm/p2m.h"
#include "mm/p2m_frames.h"

static unsigned long *table;
static unsigned long size;
static const struct hole_plan *holes;

static const unsigned long *const m2p =
	(const unsigned long *)MACH2PHYS_VIRT_START;

/* Until the memory setup runs, the builder's list is the table. */
static void ensure_table(void)
{
	if (!table) {
		table = (unsigned long *)start_info->mfn_list;
		size = start_info->nr_pages;
	}
}

void p2m_init(const struct hole_plan *h)
{
	ensure_table();
	holes = h;
}

unsigned long p2m_size(void)
{
	ensure_table();
	return size;
}

unsigned long p2m_grow(unsigned long *storage, unsigned long new_size)
{
	unsigned long old = size;

	memcpy(storage, table, old * sizeof(*table));
	for (unsigned long pfn = old; pfn < new_size; pfn++)
		storage[pfn] = INVALID_MFN;
	table = storage;
	size = new_size;
	/* Holes above the old end now live in the table. */
	for (unsigned int i = 0; holes && i < holes->nr_identity; i++)
		for (unsigned long pfn = holes->identity[i].start;
		     pfn < holes->identity[i].end && pfn < new_size; pfn++)
			if (pfn >= old)
				table[pfn] = P2M_IDENTITY | pfn;
	/* The toolstack must find the table where it is now. */
	if (p2m_published())
		p2m_publish();
	return old;
}

void p2m_set_identity(void)
{
	for (unsigned int i = 0; holes && i < holes->nr_identity; i++)
		for (unsigned long pfn = holes->identity[i].start;
		     pfn < holes->identity[i].end && pfn < size; pfn++)
			table[pfn] = P2M_IDENTITY | pfn;
}

const unsigned long *p2m_table(void)
{
	ensure_table();
	return table;
}

unsigned long pfn_to_mfn(unsigned long pfn)
{
	unsigned long e;

	ensure_table();
	if (pfn < size) {
		e = table[pfn];
		return e == INVALID_MFN ? e : e & ~P2M_FLAGS;
	}
	for (unsigned int i = 0; holes && i < holes->nr_identity; i++)
		if (pfn >= holes->identity[i].start &&
		    pfn < holes->identity[i].end)
			return pfn;
	return INVALID_MFN;
}

unsigned long p2m_entry(unsigned long pfn)
{
	ensure_table();
	return pfn < size ? table[pfn] : INVALID_MFN;
}

unsigned long mfn_to_pfn(unsigned long mfn)
{
	return mfn < MACH2PHYS_NR_ENTRIES ? m2p[mfn] : INVALID_MFN;
}

bool pfn_is_ours(unsigned long pfn)
{
	unsigned long e;

	ensure_table();
	e = pfn < size ? table[pfn] : INVALID_MFN;
	return e != INVALID_MFN && !(e & P2M_FLAGS) && mfn_to_pfn(e) == pfn;
}

void set_phys_to_machine(unsigned long pfn, unsigned long entry)
{
	if (pfn >= size)
		panic("p2m: pfn %#lx is past the table (%#lx entries)", pfn,
		      size);
	table[pfn] = entry;
}

void p2m_count(struct p2m_stats *s)
{
	memset(s, 0, sizeof(*s));
	for (unsigned long pfn = 0; pfn < size; pfn++) {
		if (table[pfn] == INVALID_MFN)
			s->invalid++;
		else if (table[pfn] & P2M_IDENTITY)
			s->identity++;
		else if (table[pfn] & P2M_FOREIGN)
			s->foreign++;
		else
			s->valid++;
	}
	for (unsigned int i = 0; holes && i < holes->nr_identity; i++)
		if (holes->identity[i].end > size)
			s->identity += holes->identity[i].end -
				       (holes->identity[i].start > size
						? holes->identity[i].start
						: size);
}
