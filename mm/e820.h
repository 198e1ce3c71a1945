/*
 * e820.h - the memory map: which guest-physical ranges are RAM and which
 * are holes, in the format BIOSes (and Xen's XENMEM_memory_map) use.
 */
#ifndef PVMINI_E820_H
#define PVMINI_E820_H

#include <pvmini/lib.h>

#define E820_RAM 1
#define E820_RESERVED 2
#define E820_ACPI 3
#define E820_NVS 4
#define E820_UNUSABLE 5

/* Entries we ask Xen for, and keep after sanitizing. */
#define E820_MAX 128

/* Xen's layout: 20 bytes, no padding (struct e820entry in Xen). */
struct e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __attribute__((packed));

struct e820_map {
	unsigned int nr;
	struct e820_entry entry[E820_MAX];
};

/*
 * Makes a map usable: sorted by address, no overlaps (where entries
 * overlap, the more restrictive type wins: RAM loses to any other type,
 * and among the others the higher type number), no empty entries,
 * adjacent entries of one type merged, sizes that would wrap past 2^64
 * cut. Entries beyond E820_MAX after all that are dropped; returns how
 * many were.
 */
unsigned int e820_sanitize(struct e820_map *map);

const char *e820_type_name(uint32_t type);

#endif
