/*
 * stack_limit.h - catching a stack overflow before the guard page does.
 *
 * Xen delivers a fault of a kernel-mode PV guest on the stack in use, with
 * no switch: on an overflowed stack it cannot write the frame and ends the
 * domain without a word from us. So the guard page must never be reached
 * by code we compile. Everything is built with gcc's -fsplit-stack: each
 * function's first instructions compare the stack it needs with the limit
 * at %fs:0x70 and call __morestack if it does not fit. Our __morestack
 * (arch/x86/stack_limit.S) does not grow the stack: it moves to an
 * emergency stack and reports (stack_overflow, below).
 *
 * %fs points at a small block just above the boot stack's guard page
 * (head.S); its limit word belongs to the running thread, and travels
 * with it through switch_stacks (arch/x86/switch.S).
 */
#ifndef ARCH_X86_STACK_LIMIT_H
#define ARCH_X86_STACK_LIMIT_H

/* Where gcc's x86_64 split-stack prologue reads the limit: %fs:0x70. */
#define STACK_LIMIT_TCB_OFFSET 0x70

/*
 * How far above a stack's lowest usable byte its limit lies. Below the
 * limit run only code we do not compile (newlib, assembly), Xen's event
 * and trap frames with our entry stubs, and up to 256 bytes of a small
 * function gcc lets through unchecked. newlib's deepest printf chain
 * (__sbprintf, _vfprintf_r, _dtoa_r) takes under 3 KiB: one page covers
 * all of that.
 */
#define STACK_LIMIT_MARGIN 4096

#ifndef __ASSEMBLY__
#include <pvmini/kernel.h>
#include <stdint.h>

/* Names the running thread in the report; the scheduler, a layer above,
 * registers it. Until then the report says "boot". */
void stack_limit_set_thread_name(const char *(*current_name)(void));

/*
 * Called by __morestack on the emergency stack: `at` is the stack pointer
 * at the call of __morestack (at[0] returns into the function that did
 * not fit), `need` the bytes it wanted, `limit` the limit it failed. If
 * !in_frame it was its frame: at[1] returns into its caller and `fp` is
 * the caller's frame. If in_frame, a variable-length array: `fp` is the
 * function's own frame. Reports and ends the domain.
 */
__noreturn void stack_overflow(const uint64_t *at, uint64_t need, uint64_t fp,
			       uint64_t limit, bool in_frame);
/* The report overflowed the emergency stack too: end at once. */
__noreturn void stack_overflow_again(void);
#endif

#endif
