/*
 * stack_check.h - the one kernel function that compiled code calls
 * without naming it. Kernel and apps are built with gcc's -fsplit-stack
 * (Makefile): every function's prologue compares the stack it needs with
 * the running thread's limit and calls __morestack if it does not fit.
 * pvmini's __morestack reports a stack overflow and ends the domain
 * (arch/x86/stack_limit.S); being declared here keeps it global in the
 * kernel object that apps link against (kernel/exports.sh).
 */
#ifndef ARCH_STACK_CHECK_H
#define ARCH_STACK_CHECK_H

/* Not called from C: gcc's prologue calls it with its own convention. */
void __morestack(void);

#endif
