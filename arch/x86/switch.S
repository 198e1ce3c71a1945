/*
 * switch.S - the cooperative thread switch.
 *
 * A switch is an ordinary function call as far as the caller knows: the
 * SysV ABI lets it clobber every caller-saved register, so only the
 * callee-saved ones (rbx, rbp, r12-r15) and the stack pointer need to
 * travel with the thread - and the stack limit every compiled function
 * checks (%fs:0x70, arch/x86/stack_limit.h), which is the thread's own.
 * No hypercall: all threads share one address space and one %fs base, so
 * there is nothing of Xen's to change. The FPU/SSE state is handled in C
 * (kernel/sched/sched.c).
 */
#include "arch/x86/stack_limit.h"

	.code64
	.text

/* void switch_stacks(uint64_t *save_sp, uint64_t load_sp) */
	.globl switch_stacks
switch_stacks:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	pushq	%fs:STACK_LIMIT_TCB_OFFSET
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%fs:STACK_LIMIT_TCB_OFFSET
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

/*
 * A new thread's first switch "returns" here, with the entry function in
 * %r12, its argument in %r13 and %rbp = 0 (where backtraces stop), as
 * kernel/sched/thread.c laid them out. Align the stack as the ABI wants at a
 * call; the entry never returns.
 */
	.globl thread_start
thread_start:
	movq	%r13, %rdi
	andq	$-16, %rsp
	call	*%r12
1:	ud2
	jmp	1b
