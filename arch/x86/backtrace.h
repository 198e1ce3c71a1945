/* backtrace.h - naming the calls that led here (arch/x86/backtrace.c). */
#ifndef ARCH_X86_BACKTRACE_H
#define ARCH_X86_BACKTRACE_H

#include <stdint.h>

/*
 * Prints the call chain: `pc` first (if non-zero; `sp` is the stack pointer
 * at pc), then the return address of every frame found by following frame
 * pointers from `fp`.
 */
void backtrace_print(uint64_t pc, uint64_t sp, uint64_t fp);

/*
 * Which stack the running thread uses, so that the walk never leaves it.
 * The scheduler, a layer above, registers it; until then only the boot
 * stack counts.
 */
void backtrace_set_stack_bounds(void (*bounds)(uintptr_t *lo, uintptr_t *hi));

#endif
