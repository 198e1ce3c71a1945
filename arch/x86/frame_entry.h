/*
 * frame_entry.h - where a function builds its frame (arch/x86/frame_entry.c,
 * pure): what the backtrace needs to find the caller of a function that
 * faulted before its frame existed.
 */
#ifndef ARCH_X86_FRAME_ENTRY_H
#define ARCH_X86_FRAME_ENTRY_H

#include <stddef.h>
#include <stdint.h>

/* How many bytes of a function's entry code are read. */
#define FRAME_ENTRY_SCAN 64

/*
 * Where a function builds its frame, as offsets into its code: `push
 * %rbp` (past gcc's -fsplit-stack check, if it has one) and the end of
 * `mov %rsp,%rbp`, which gcc may schedule a few instructions later.
 */
struct frame_entry {
	int push; /* -1: no frame (a leaf that needs no stack) */
	int set;  /* %rbp is this function's frame from here on */
};

/* Reads at most n bytes of code (a function's first). */
struct frame_entry frame_entry_find(const uint8_t *code, size_t n);

#endif
