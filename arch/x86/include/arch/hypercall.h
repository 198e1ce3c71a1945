/*
 * hypercall.h - the raw x86_64 PV hypercall: arguments in rdi, rsi, rdx,
 * r10, r8; the number selects a 32-byte slot of the hypercall page; the
 * result comes back in rax.
 *
 * Xen may clobber every argument register (debug builds poison them on
 * purpose), and the `syscall` inside the stub clobbers rcx and r11, so all
 * of them are outputs or clobbers here. "memory": Xen reads and writes
 * guest memory behind the compiler's back.
 *
 * Typed wrappers for the kernel live in <pvmini/hypercall.h>.
 *
 * In code that may use floating point (apps; not the kernel, which is
 * built general-registers-only, _SOFT_FLOAT, where gcc refuses to name
 * these registers) a hypercall also clobbers every x87 and SSE register,
 * so that no value lives in one across it: the event upcall relies on
 * that to skip saving the FPU state when it interrupts the hypercall page
 * (kernel/xen/upcall.c), which is where nearly every upcall arrives.
 */
#ifndef ARCH_HYPERCALL_H
#define ARCH_HYPERCALL_H

#ifdef _SOFT_FLOAT
#define HC_FP_CLOBBERS
#else
#define HC_FP_CLOBBERS                                                         \
	, "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",      \
		"xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14",   \
		"xmm15", "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)",    \
		"st(6)", "st(7)"
#endif

extern char hypercall_page[];
extern unsigned long hypercall_count;

#define HC_STR_(x) #x
#define HC_STR(x) HC_STR_(x)

#define arch_hypercall(nr, a1, a2, a3, a4, a5)                                 \
	({                                                                     \
		register unsigned long a1_ asm("rdi") = (unsigned long)(a1);   \
		register unsigned long a2_ asm("rsi") = (unsigned long)(a2);   \
		register unsigned long a3_ asm("rdx") = (unsigned long)(a3);   \
		register unsigned long a4_ asm("r10") = (unsigned long)(a4);   \
		register unsigned long a5_ asm("r8") = (unsigned long)(a5);    \
		long ret_;                                                     \
		hypercall_count++;                                             \
		asm volatile("call hypercall_page + (" HC_STR(nr) " * 32)"     \
			     : "=a"(ret_), "+r"(a1_), "+r"(a2_), "+r"(a3_),    \
			       "+r"(a4_), "+r"(a5_)                            \
			     :                                                 \
			     : "rcx", "r11", "memory" HC_FP_CLOBBERS);         \
		ret_;                                                          \
	})

/*
 * The same call with the number known only at run time (the multicall
 * debug mode replays queued entries this way): an indirect call into the
 * page, plus r9 for a sixth argument.
 */
static inline long arch_hypercall_indirect(unsigned long nr,
					   const unsigned long a[6])
{
	register unsigned long a1_ asm("rdi") = a[0];
	register unsigned long a2_ asm("rsi") = a[1];
	register unsigned long a3_ asm("rdx") = a[2];
	register unsigned long a4_ asm("r10") = a[3];
	register unsigned long a5_ asm("r8") = a[4];
	register unsigned long a6_ asm("r9") = a[5];
	long ret;

	hypercall_count++;
	asm volatile("call *%[fn]"
		     : "=a"(ret), "+r"(a1_), "+r"(a2_), "+r"(a3_), "+r"(a4_),
		       "+r"(a5_), "+r"(a6_)
		     : [fn] "a"(hypercall_page + nr * 32)
		     : "rcx", "r11", "memory" HC_FP_CLOBBERS);
	return ret;
}

#endif
