/*
 * regs.h - the register frame entry.S builds on the stack before it calls
 * C. The tail (rip..ss) is the frame Xen pushed; entry.S pushes the rest.
 */
#ifndef ARCH_REGS_H
#define ARCH_REGS_H

#include <stdint.h>

struct cpu_regs {
	uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
	uint64_t rax, rcx, rdx, rsi, rdi;
	uint64_t vector;     /* pushed by the stub: which trap */
	uint64_t error_code; /* Xen's, or 0 for traps that have none */
	uint64_t rip, cs, rflags, rsp, ss;
};

/*
 * What the failsafe callback gets: Xen could not load these segment
 * selectors (or could not complete an iret) when returning to us.
 */
struct failsafe_frame {
	uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
	uint64_t rax, rcx, rdx, rsi, rdi;
	uint64_t ds, es, fs, gs;
	uint64_t rip, cs, rflags, rsp, ss;
};

#endif
