/*
 * stack_check.h - the kernel functions that compiled code calls without
 * naming them. Kernel and apps are built with gcc's -fsplit-stack
 * (Makefile): every function's prologue compares the stack it needs with
 * the running thread's limit and calls __morestack if it does not fit; a
 * variable-length array or alloca() that does not fit calls
 * __morestack_allocate_stack_space. pvmini's report a stack overflow and
 * end the domain (arch/x86/stack_limit.S); being declared here keeps them
 * global in the kernel object that apps link against (kernel/api-symbols.sh).
 */
#ifndef ARCH_STACK_CHECK_H
#define ARCH_STACK_CHECK_H

/* Not called from C: gcc's prologue calls it with its own convention. */
void __morestack(void);
void *__morestack_allocate_stack_space(unsigned long size);

#endif
