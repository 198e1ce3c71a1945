/*
 * entry.S - where Xen enters pvmini: traps, the event upcall, failsafe.
 *
 * A 64-bit PV kernel runs in ring 3, so Xen, not the CPU, delivers
 * exceptions and events. It pushes on our current stack an iret frame
 * (ss, rsp, rflags, cs, rip), the error code for traps that have one, and
 * then rcx and r11, which its own `sysret`-style return path needed. Our
 * stubs put rcx/r11 back, push a uniform (vector, error code) pair and save
 * every general register, giving C a struct cpu_regs (arch/regs.h).
 *
 * Returning is a hypercall: HYPERVISOR_iret restores rip..ss and, from the
 * saved RFLAGS.IF, the event mask - atomically, so an event cannot slip in
 * between unmasking and the return.
 */
#include <arch/layout.h>
#include <xen/xen.h>

	.code64
	.text

.macro save_all
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
.endm

.macro restore_all
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
.endm

/* Call C with the frame pointer in %rdi and a 16-byte aligned stack. */
.macro call_c fn
	movq	%rsp, %rdi
	movq	%rsp, %rbx		/* callee-saved: survives the call */
	andq	$-16, %rsp
	call	\fn
	movq	%rbx, %rsp
.endm

/* One stub per trap vector; \err: does Xen push an error code? */
.macro trap_stub name, vector, err
	.globl \name
\name:
	popq	%rcx
	popq	%r11
	.if \err == 0
	pushq	$0
	.endif
	pushq	$\vector
	jmp	trap_common
.endm

trap_stub entry_divide_error,        0, 0
trap_stub entry_debug,               1, 0
trap_stub entry_int3,                3, 0
trap_stub entry_overflow,            4, 0
trap_stub entry_bounds,              5, 0
trap_stub entry_invalid_op,          6, 0
trap_stub entry_device_not_avail,    7, 0
trap_stub entry_double_fault,        8, 1
trap_stub entry_invalid_tss,        10, 1
trap_stub entry_segment_not_present,11, 1
trap_stub entry_stack_fault,        12, 1
trap_stub entry_general_protection, 13, 1
trap_stub entry_page_fault,         14, 1
trap_stub entry_x87_error,          16, 0
trap_stub entry_alignment_check,    17, 1
trap_stub entry_machine_check,      18, 0
trap_stub entry_simd_error,         19, 0

trap_common:
	save_all
	call_c	do_trap
	restore_all
	addq	$16, %rsp		/* vector and error code */
	jmp	return_to_guest

/*
 * The event upcall. Xen has masked events before entering; the iret
 * hypercall unmasks them again if they were unmasked when we were
 * interrupted. Vector -1 marks "not a trap" in the frame.
 */
	.globl entry_event_upcall
entry_event_upcall:
	popq	%rcx
	popq	%r11
	pushq	$0
	pushq	$-1
	save_all
	call_c	do_event_upcall
	restore_all
	addq	$16, %rsp
	jmp	return_to_guest

/*
 * Failsafe: Xen could not restore our segment registers (or could not
 * complete an iret) and pushed ds, es, fs, gs above its usual frame. There
 * is nothing sane to return to; C reports it and ends the domain.
 */
	.globl entry_failsafe
entry_failsafe:
	popq	%rcx
	popq	%r11
	save_all
	call_c	do_failsafe
1:	ud2
	jmp	1b

/* %rsp points at rip of an iret frame; flags 0: not from a syscall. */
return_to_guest:
	pushq	$0
	jmp	hypercall_page + __HYPERVISOR_iret * 32
