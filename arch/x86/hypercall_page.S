/*
 * hypercall_page.S - the page through which every hypercall goes.
 *
 * The HYPERCALL_PAGE note tells the domain builder where this page is; Xen
 * writes one 32-byte stub per hypercall into it before we start. A 64-bit
 * PV kernel runs in ring 3, so a hypercall is a `syscall` into Xen, and the
 * stub knows which instruction sequence this CPU needs. Calling slot N is
 * hypercall N (arch/hypercall.h).
 *
 * Filled with int3 so that a call into it before Xen wrote it traps at once.
 */
#include <arch/layout.h>

	.section .text.hypercall_page, "ax"
	.balign PAGE_SIZE
	.globl hypercall_page
hypercall_page:
	.fill PAGE_SIZE, 1, 0xcc

/* Hypercalls made since boot (a multicall counts once): the figure the
 * benchmarks report. Counted by every caller in arch/hypercall.h. */
	.section .bss
	.balign 8
	.globl hypercall_count
hypercall_count:
	.quad 0
