/* backtrace.h - naming the calls that led here (arch/x86/backtrace.c). */
#ifndef PVMINI_BACKTRACE_H
#define PVMINI_BACKTRACE_H

#include <stdint.h>

/*
 * Prints the call chain: `pc` first (if non-zero; `sp` is the stack pointer
 * at pc), then the return address of every frame found by following frame
 * pointers from `fp`.
 */
void backtrace_print(uint64_t pc, uint64_t sp, uint64_t fp);

#endif
