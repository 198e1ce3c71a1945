/*
 * fpu.h - saving and restoring the x87/SSE(/AVX) state: for a thread
 * switch, and around event handlers (kernel/xen/upcall.c). The kernel is
 * built general-registers-only and never touches this state itself.
 *
 * fpu_init (arch/x86/fpu.c) picks the instruction: XSAVE when Xen shows
 * the CPU has it, for x87, SSE and AVX (what it enables in XCR0), else
 * FXSAVE for x87 and SSE.
 */
#ifndef ARCH_FPU_H
#define ARCH_FPU_H

#include <pvmini/thread.h>
#include <stdint.h>

/* Set once by fpu_init: the XCR0 bits XSAVE saves, 0 for FXSAVE. */
extern uint64_t fpu_xsave_mask;

/* Boot step (events_init, before the first upcall): picks and enables
 * the save instruction; traces what the CPU offers. */
void fpu_init(void);

/* area: FPU_STATE_SIZE bytes, 64-byte aligned (XSAVE's rule; FXSAVE
 * needs 16), else #GP. */
static inline void fpu_save(void *area)
{
	char(*a)[FPU_STATE_SIZE] = area;

	if (fpu_xsave_mask)
		asm volatile("xsave64 %0"
			     : "=m"(*a)
			     : "a"((uint32_t)fpu_xsave_mask),
			       "d"((uint32_t)(fpu_xsave_mask >> 32)));
	else
		asm volatile("fxsave64 %0" : "=m"(*a));
}

static inline void fpu_restore(const void *area)
{
	const char(*a)[FPU_STATE_SIZE] = area;

	if (fpu_xsave_mask)
		asm volatile("xrstor64 %0"
			     :
			     : "m"(*a), "a"((uint32_t)fpu_xsave_mask),
			       "d"((uint32_t)(fpu_xsave_mask >> 32)));
	else
		asm volatile("fxrstor64 %0" : : "m"(*a));
}

#endif
