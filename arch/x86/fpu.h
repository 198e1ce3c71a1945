/*
 * fpu.h - saving and restoring the x87/SSE state of a thread. The kernel
 * is built general-registers-only and never touches this state itself;
 * only a switch between threads that use it has to carry it across.
 */
#ifndef ARCH_FPU_H
#define ARCH_FPU_H

/* area: 512 bytes, 16-byte aligned (fxsave's rule, else #GP). */
static inline void fpu_save(void *area)
{
	asm volatile("fxsave64 %0" : "=m"(*(char(*)[512])area));
}

static inline void fpu_restore(const void *area)
{
	asm volatile("fxrstor64 %0" : : "m"(*(const char(*)[512])area));
}

#endif
