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
#include "arch/x86/frame_entry.h"
#include "arch/x86/switch.h"
#include "lib/ksyms.h"

struct frame {
	struct frame *next;
	uint64_t ret;
};

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
	return within(at, size, (uint64_t)boot_stack + BOOT_STACK_BOTTOM,
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
	struct frame_entry e;

	if (!ksym_lookup(&kernel_ksym_table, pc, &off))
		return 0;
	e = frame_entry_find((const uint8_t *)(pc - off), FRAME_ENTRY_SCAN);
	if (e.push < 0)
		return sp; /* no frame at all: a frameless leaf */
	if (off <= (uint64_t)e.push)
		return sp; /* nothing pushed yet (the stack check) */
	if (off < (uint64_t)e.set)
		return sp + 8; /* %rbp pushed, not yet the frame */
	return 0;	       /* a normal frame: the chain has it */
}

/*
 * Lines of a backtrace. A call repeated frame after frame (a recursion,
 * an overflowed stack) prints once with its count, so that the callers
 * that started it still show within the limit.
 */
#define MAX_LINES 32
#define MAX_FRAMES 4096

struct trace_lines {
	uint64_t last;
	unsigned long repeats;
	int lines;
};

static void flush_repeats(struct trace_lines *t)
{
	if (t->repeats)
		printk("  ... the same call %lu more time%s\n", t->repeats,
		       t->repeats == 1 ? "" : "s");
	t->repeats = 0;
}

/* Whether there is room for more. */
static bool emit(struct trace_lines *t, uint64_t addr)
{
	if (t->lines && addr == t->last) {
		t->repeats++;
		return true;
	}
	flush_repeats(t);
	if (t->lines == MAX_LINES)
		return false;
	print_addr(addr);
	t->last = addr;
	t->lines++;
	return true;
}

void backtrace_print(uint64_t pc, uint64_t sp, uint64_t fp)
{
	const struct frame *f = (const struct frame *)fp;
	struct trace_lines t = { 0 };

	printk("Backtrace:\n");
	if (pc) {
		uint64_t slot = frameless_return_slot(pc, sp);

		emit(&t, pc);
		/* A zero there is no return address (not a call frame). */
		if (slot && on_stack(slot, 8) && *(const uint64_t *)slot)
			emit(&t, *(const uint64_t *)slot - 1);
	}
	for (int depth = 0; depth < MAX_FRAMES; depth++) {
		uint64_t at = (uint64_t)f;

		if (!on_stack(at, sizeof(*f)) || !f->ret)
			break;
		/* The return address points after the call: name the call. */
		if (!emit(&t, f->ret - 1))
			break;
		if ((uint64_t)f->next <= at)
			break;
		f = f->next;
	}
	flush_repeats(&t);
}
