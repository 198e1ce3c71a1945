/*
 * backtrace.c - walking the frame-pointer chain.
 *
 * Everything is built with frame pointers, so each frame starts with
 * (saved %rbp, return address) and %rbp points at it. The walk trusts
 * nothing it reads: a frame must lie on the boot stack or the running
 * thread's stack (kernel/sched/thread.c says which), be aligned, and
 * sit above the previous one; the chain ends at %rbp == 0, which head.S
 * set for the outermost frame.
 *
 * One gap: gcc builds a leaf function that needs no stack without a frame
 * even with -fno-omit-frame-pointer, and any function is frameless until
 * its prologue has run. A fault there leaves %rbp at the caller's frame,
 * so the caller would be skipped; its return address is on top of the
 * stack instead, which is where we look in that case.
 */
#include <arch/layout.h>
#include <pvmini/console.h>
#include <pvmini/kernel.h>
#include "arch/x86/backtrace.h"
#include "arch/x86/switch.h"
#include "lib/ksyms.h"

struct frame {
	struct frame *next;
	uint64_t ret;
};

/* push %rbp; mov %rsp,%rbp */
static const uint8_t prologue[] = { 0x55, 0x48, 0x89, 0xe5 };

static bool within(uint64_t at, uint64_t size, uint64_t lo, uint64_t hi)
{
	return at >= lo && at + size <= hi && !(at & 7);
}

static void (*stack_bounds)(uintptr_t *lo, uintptr_t *hi);

void backtrace_set_stack_bounds(void (*bounds)(uintptr_t *lo, uintptr_t *hi))
{
	stack_bounds = bounds;
}

/* The boot stack, or the stack of the thread that is running. */
static bool on_stack(uint64_t at, uint64_t size)
{
	uintptr_t lo = 0, hi = 0;

	if (stack_bounds)
		stack_bounds(&lo, &hi);
	return within(at, size, (uint64_t)boot_stack + BOOT_STACK_GUARD,
		      (uint64_t)boot_stack_top) ||
	       within(at, size, lo, hi);
}

static void print_addr(uint64_t addr)
{
	uint64_t off;
	const char *name = ksym_lookup(&kernel_ksym_table, addr, &off);

	if (name)
		printk("  [<%016lx>] %s+%#lx\n", addr, name, off);
	else
		printk("  [<%016lx>] ?\n", addr);
}

/* Where pc's caller left its return address if pc has no frame, or 0. */
static uint64_t frameless_return_slot(uint64_t pc, uint64_t sp)
{
	uint64_t off;

	if (!ksym_lookup(&kernel_ksym_table, pc, &off))
		return 0;
	if (!memcmp((const void *)(pc - off), prologue, sizeof(prologue))) {
		if (off == 0)
			return sp; /* nothing pushed yet */
		if (off < sizeof(prologue))
			return sp + 8; /* %rbp pushed, not yet the frame */
		return 0;	       /* a normal frame: the chain has it */
	}
	return sp; /* no prologue at all: a frameless leaf */
}

void backtrace_print(uint64_t pc, uint64_t sp, uint64_t fp)
{
	const struct frame *f = (const struct frame *)fp;

	printk("Backtrace:\n");
	if (pc) {
		uint64_t slot = frameless_return_slot(pc, sp);

		print_addr(pc);
		/* A zero there is no return address (not a call frame). */
		if (slot && on_stack(slot, 8) && *(const uint64_t *)slot)
			print_addr(*(const uint64_t *)slot - 1);
	}
	for (int depth = 0; depth < 32; depth++) {
		uint64_t at = (uint64_t)f;

		if (!on_stack(at, sizeof(*f)) || !f->ret)
			break;
		/* The return address points after the call: name the call. */
		print_addr(f->ret - 1);
		if ((uint64_t)f->next <= at)
			break;
		f = f->next;
	}
}
