/*
 * fpu.c - how the FPU/SSE state is saved, decided once at boot.
 *
 * A 64-bit PV vCPU starts with XCR0 = x87|SSE (Xen loads that for a vCPU
 * that never set its own) and its own view of CR4.OSXSAVE clear, so AVX
 * instructions raise #UD until the guest enables them, and FXSAVE saves
 * all the state there can be. Enabling takes two privileged steps that
 * Xen emulates for a PV kernel: the write of CR4.OSXSAVE (kept only if
 * the domain's CPU policy has XSAVE) and XSETBV (checked against what Xen
 * allows). After them XSAVE with the enabled bits as its mask saves x87,
 * SSE and the upper halves of the AVX registers.
 *
 * We enable AVX but not AVX-512 (its 2 KiB of state would not fit the
 * per-thread area, FPU_STATE_SIZE): AVX-512 instructions stay #UD.
 */
#include <arch/cpu.h>
#include <pvmini/kernel.h>
#include <pvmini/trace.h>
#include "arch/x86/fpu.h"

#define CPUID1_ECX_XSAVE (1U << 26)
#define CR4_OSXSAVE (1UL << 18)
#define XCR0_X87 (1UL << 0)
#define XCR0_SSE (1UL << 1)
#define XCR0_YMM (1UL << 2) /* AVX: the upper halves of ymm0-15 */
#define CPUID_XSTATE 0xd

uint64_t fpu_xsave_mask;

static uint64_t xgetbv0(void)
{
	uint32_t lo, hi;

	asm volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return ((uint64_t)hi << 32) | lo;
}

/* Emulated by Xen: the guest's own view of CR4. */
static unsigned long read_cr4(void)
{
	unsigned long cr4;

	asm volatile("mov %%cr4, %0" : "=r"(cr4));
	return cr4;
}

void fpu_init(void)
{
	uint32_t a, b, c, d;
	uint64_t before, want;

	xen_cpuid(1, &a, &b, &c, &d);
	if (!(c & CPUID1_ECX_XSAVE)) {
		trace_boot("fpu: fxsave, 512 bytes of x87/SSE state (the CPU "
			   "as Xen shows it has no XSAVE, so no AVX either)");
		return;
	}
	xen_cpuid(CPUID_XSTATE, &a, &b, &c, &d);
	want = a & (XCR0_X87 | XCR0_SSE | XCR0_YMM);
	asm volatile("mov %0, %%cr4" : : "r"(read_cr4() | CR4_OSXSAVE));
	if (!(read_cr4() & CR4_OSXSAVE)) {
		trace_boot("fpu: fxsave, 512 bytes of x87/SSE state (Xen "
			   "keeps CR4.OSXSAVE clear for us)");
		return;
	}
	before = xgetbv0();
	asm volatile("xsetbv" : : "c"(0), "a"((uint32_t)want), "d"(0));
	/* EBX: the area's size for what XCR0 enables now. */
	xen_cpuid(CPUID_XSTATE, &a, &b, &c, &d);
	if (b > FPU_STATE_SIZE)
		panic("fpu: xsave area of %u bytes for XCR0 %#lx exceeds %d", b,
		      want, FPU_STATE_SIZE);
	fpu_xsave_mask = want;
	trace_boot("fpu: xsave, %u bytes of state: XCR0 %#lx -> %#lx (x87, "
		   "SSE%s; the CPU offers %#x)",
		   b, before, xgetbv0(), (want & XCR0_YMM) ? ", AVX" : "", a);
}
