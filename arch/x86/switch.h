/* switch.h - stacks: the boot stack, and the switch under the scheduler
 * (arch/x86/switch.S). */
#ifndef ARCH_SWITCH_H
#define ARCH_SWITCH_H

#include <stdint.h>

/* The boot stack (arch/x86/head.S); its lowest page is a guard. */
extern char boot_stack[], boot_stack_top[];

/* Saves the callee-saved registers, the stack limit and the stack pointer
 * into *save_sp, then resumes the thread whose stack pointer is load_sp
 * (its stack holds, from load_sp up: limit, r15, r14, r13, r12, rbx,
 * rbp, return address). */
void switch_stacks(uint64_t *save_sp, uint64_t load_sp);
/* Where a new thread's first switch_stacks returns to. */
extern char thread_start[];

#endif
