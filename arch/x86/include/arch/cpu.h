/* cpu.h - the few x86 instructions generic code needs. */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <stdint.h>

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/*
 * CPUID as Xen wants a PV guest to see it: the "forced emulation" prefix
 * (ud2; "xen") makes Xen run the instruction with the guest's filtered
 * policy, instead of the raw CPU's answer a bare cpuid may give.
 */
static inline void xen_cpuid(uint32_t leaf, uint32_t *a, uint32_t *b,
			     uint32_t *c, uint32_t *d)
{
	asm volatile("ud2; .ascii \"xen\"; cpuid"
		     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
		     : "0"(leaf), "2"(0));
}

/* Stops the compiler from moving memory accesses across this point. */
#define barrier() asm volatile("" ::: "memory")

static inline void *current_frame(void)
{
	return __builtin_frame_address(0);
}

#endif
