/*
 * head.S - the first instructions pvmini runs.
 *
 * Xen's domain builder jumps to _start (our ENTRY note) in 64-bit mode with
 *   %rsi = virtual address of start_info,
 *   %rsp = a small stack the builder placed after the boot page tables,
 *   event delivery masked (vcpu_info->evtchn_upcall_mask = 1).
 * Nothing else is promised: the direction flag and the other registers are
 * whatever they are. The hypercall page is filled in already (our
 * HYPERCALL_PAGE note).
 *
 * We move to our own stack inside the image, so that its size is ours to
 * choose and its bounds are known to the backtrace code. %rbp = 0 marks the
 * outermost frame, where every backtrace stops. The SysV ABI wants %rsp
 * 16-byte aligned at each call; boot_stack_top is page aligned.
 *
 * Before any C runs, %fs must point at the block holding the stack limit
 * that every compiled function checks (arch/x86/stack_limit.h), and the
 * limit must be the boot stack's.
 */
#include <arch/layout.h>
#include <xen/xen.h>
#include "arch/x86/stack_limit.h"

	.section .text.head, "ax"
	.code64
	.globl _start
_start:
	cld
	leaq	boot_stack_top(%rip), %rsp
	xorl	%ebp, %ebp
	movq	%rsi, %rbx		/* start_info */
	movl	$SEGBASE_FS, %edi
	leaq	stack_tcb(%rip), %rsi
	call	hypercall_page + __HYPERVISOR_set_segment_base * 32
	testq	%rax, %rax
	jnz	1f			/* no limit to check against: stop */
	movq	$boot_stack + BOOT_STACK_BOTTOM + STACK_LIMIT_MARGIN, %fs:STACK_LIMIT_TCB_OFFSET
	movq	%rbx, %rdi		/* start_kernel(start_info) */
	call	start_kernel
	/*
	 * start_kernel never returns. Should it ever, fault on purpose: by
	 * then the trap table is installed and the fault is reported and
	 * ends the domain, instead of running off into whatever follows.
	 */
1:	ud2
	jmp	1b

	.section .bss
	.balign PAGE_SIZE
	.globl boot_stack, boot_stack_top
boot_stack:
	.skip BOOT_STACK_GUARD
stack_tcb:
	.skip BOOT_STACK_SIZE - BOOT_STACK_GUARD
boot_stack_top:
