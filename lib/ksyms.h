/*
 * ksyms.h - function names for addresses, so a backtrace names code.
 * The table is generated from the linked image by the Makefile
 * (lib/ksyms.awk) and linked into a second pass.
 */
#ifndef PVMINI_KSYMS_H
#define PVMINI_KSYMS_H

#include <pvmini/lib.h>

struct ksym_table {
	uint64_t count;
	const uint64_t *addrs;	   /* sorted ascending */
	const uint32_t *name_offs; /* into names */
	const char *names;
	uint64_t text_end; /* addresses at or past it name nothing */
};

/*
 * Finds the function containing addr. Returns its name and sets *offset,
 * or NULL if addr is outside the table.
 */
const char *ksym_lookup(const struct ksym_table *t, uint64_t addr,
			uint64_t *offset);

/* The image's own table, emitted by the generated ksyms.S. */
extern const struct ksym_table kernel_ksym_table;

#endif
