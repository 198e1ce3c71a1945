/*
 * ksyms.c - address to function name, over the table the build generated
 * from the image itself (lib/ksyms.awk). Binary search; pure logic.
 */
#include "lib/ksyms.h"

const char *ksym_lookup(const struct ksym_table *t, uint64_t addr,
			uint64_t *offset)
{
	uint64_t lo = 0, hi = t->count;

	if (!t->count || addr < t->addrs[0] || addr >= t->text_end)
		return NULL;
	/* Find the last entry whose address is <= addr. */
	while (hi - lo > 1) {
		uint64_t mid = lo + (hi - lo) / 2;

		if (t->addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - t->addrs[lo];
	return t->names + t->name_offs[lo];
}
