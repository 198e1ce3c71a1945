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

/* Stops the compiler from moving memory accesses across this point. */
#define barrier() asm volatile("" ::: "memory")

static inline void *current_frame(void)
{
	return __builtin_frame_address(0);
}

#endif
