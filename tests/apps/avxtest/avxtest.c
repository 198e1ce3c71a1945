/*
 * avxtest - the upper halves of the AVX registers travel with their
 * thread. When Xen shows the CPU has XSAVE, the kernel enables AVX (XCR0
 * bit 2) and switches threads with XSAVE; two threads then put their own
 * values in all of ymm6, yield to each other, and count what changed.
 * Without XSAVE (the rig's default CPU, qemu64) AVX instructions are #UD
 * and there is no such state: the app says so and checks XCR0 stayed
 * x87|SSE.
 */
#include <pvmini.h>
#include <pvmini/thread.h>

#define YIELDS 200
#define CPUID1_ECX_XSAVE (1U << 26)
#define XCR0_YMM 4

static uint64_t seed[2][4], changed[2];

/* One asm block: nothing of the compiler's may sit in ymm6 meanwhile. */
static unsigned long ymm_across_yield(int me)
{
	uint64_t got[4];

	for (int i = 0; i < 4; i++)
		seed[me][i] =
			(uint64_t)me << 32 | (uint64_t)i << 16 | changed[me];
	asm volatile("vmovdqu %[want], %%ymm6\n\t"
		     "pushq %%rbp\n\t"
		     "movq %%rsp, %%rbp\n\t"
		     "andq $-16, %%rsp\n\t"
		     "call thread_yield\n\t"
		     "movq %%rbp, %%rsp\n\t"
		     "popq %%rbp\n\t"
		     "vmovdqu %%ymm6, %[got]\n\t"
		     "vzeroupper"
		     : [got] "=m"(got)
		     : [want] "m"(seed[me])
		     : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
		       "r11", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
		       "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
		       "xmm12", "xmm13", "xmm14", "xmm15", "memory", "cc");
	return memcmp(got, seed[me], sizeof(got)) != 0;
}

static unsigned long errors;

static void worker(void *arg)
{
	int me = (int)(uintptr_t)arg;

	for (int i = 0; i < YIELDS; i++)
		errors += ymm_across_yield(me);
}

static uint64_t xcr0(void)
{
	uint32_t lo, hi;

	asm volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return ((uint64_t)hi << 32) | lo;
}

int main(void)
{
	uint32_t a, b, c, d;
	struct thread *t[2];

	xen_cpuid(1, &a, &b, &c, &d);
	if (!(c & CPUID1_ECX_XSAVE)) {
		printk("avxtest: AVX not enabled: the CPU as Xen shows it has "
		       "no XSAVE\n");
		return 0;
	}
	if (!(xcr0() & XCR0_YMM)) {
		printk("avxtest: FAIL XSAVE present, XCR0 %#lx lacks AVX\n",
		       xcr0());
		return 1;
	}
	for (int i = 0; i < 2; i++)
		t[i] = thread_create("avx", worker, (void *)(uintptr_t)i);
	thread_join(t[0]);
	thread_join(t[1]);
	printk("avxtest: XCR0 %#lx; ymm6 across %d yields in 2 threads: %lu "
	       "changed\n",
	       xcr0(), 2 * YIELDS, errors);
	return errors ? 1 : 0;
}
