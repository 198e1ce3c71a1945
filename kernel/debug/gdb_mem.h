/*
 * gdb_mem.h - memory as gdb reads and writes it: checked page by page in
 * the page tables first, so that a bad address is an error reply, never
 * a fault (kernel/debug/gdb_mem.c).
 */
#ifndef KERNEL_DEBUG_GDB_MEM_H
#define KERNEL_DEBUG_GDB_MEM_H

#include <pvmini/lib.h>

/* Copies up to n bytes at addr; returns how many, stopping at the first
 * page that is not mapped. */
size_t gdb_mem_read(uint64_t addr, void *buf, size_t n);
/* Writes all n bytes, through read-only mappings too (code), or none
 * if a page is not mapped or Xen refuses it writable: 0 or -1. */
int gdb_mem_write(uint64_t addr, const void *buf, size_t n);

#endif
