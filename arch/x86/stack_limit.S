/*
 * stack_limit.S - gcc's -fsplit-stack calls __morestack when a function's
 * frame does not fit above the limit at %fs:0x70 (arch/x86/stack_limit.h).
 * A split-stack runtime would chain a new stack segment here; we have no
 * such thing (a thread's stack is one slot), so a call is an overflow:
 * report it on an emergency stack, then crash.
 *
 * On entry the overflowing function has pushed nothing yet: %rsp points
 * at our return address into it, above that is its return address into
 * its caller, and %rbp is still the caller's frame pointer. %r10 holds
 * the frame size it wanted.
 *
 * A variable-length array or alloca() is checked apart, once the frame
 * exists: if it does not fit, gcc calls __morestack_allocate_stack_space
 * (a C function of the size, which would return memory for it). Also an
 * overflow; there %rbp is the function's own frame.
 */
#include <arch/layout.h>
#include "arch/x86/stack_limit.h"

#define EMERGENCY_STACK_SIZE (8 * 1024)
/* The report runs with a limit too: an overflow of the emergency stack
 * ends the domain at once, with this much room left to do it. */
#define EMERGENCY_STACK_MARGIN 1024

	.code64
	.text

	.globl __morestack_allocate_stack_space
__morestack_allocate_stack_space:
	movq	%rdi, %rsi
	movl	$1, %r8d		/* in_frame */
	jmp	1f

	.globl __morestack
__morestack:
	movq	%r10, %rsi
	xorl	%r8d, %r8d
1:	movq	%rsp, %rdi
	movq	%rbp, %rdx
	movq	%fs:STACK_LIMIT_TCB_OFFSET, %rcx
	cmpb	$0, on_emergency_stack(%rip)
	jne	2f
	movb	$1, on_emergency_stack(%rip)
	leaq	emergency_stack_top(%rip), %rsp
	movq	$emergency_stack + EMERGENCY_STACK_MARGIN, %fs:STACK_LIMIT_TCB_OFFSET
	call	stack_overflow
2:	andq	$-16, %rsp
	call	stack_overflow_again
3:	ud2
	jmp	3b

	.section .bss
	.balign 16
emergency_stack:
	.skip EMERGENCY_STACK_SIZE
emergency_stack_top:
on_emergency_stack:
	.byte 0
