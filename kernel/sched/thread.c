/*
 * thread.c - creating, ending and joining threads.
 *
 * A new thread's stack is laid out as if it had called switch_stacks
 * itself: six callee-saved register slots and a return address pointing
 * at thread_start (arch/x86/switch.S), which calls thread_main. The
 * struct thread sits at the top of its own stack slot, above the stack,
 * so an overflow runs into the guard page below, not into the struct.
 *
 * So freeing the stack frees the thread: exactly one party may do it,
 * after the thread is off its stack for good. That is its one joiner,
 * or for a detached thread the next thread to get the CPU (the ended
 * one cannot free the stack it still runs on, nor can an event handler,
 * which may be running on it).
 */
#include <arch/layout.h>
#include <pvmini/kernel.h>
#include <pvmini/thread.h>
#include <pvmini/trace.h>
#include <xen/errno.h>
#include "arch/x86/backtrace.h"
#include "arch/x86/fpu.h"
#include "arch/x86/stack_limit.h"
#include "arch/x86/switch.h"
#include "kernel/sched/thread_stack.h"
#include "sched_internal.h"

/* The thread that runs main(): the boot stack, its own FPU state. */
static struct thread main_thread = { .name = "main", .id = 1 };
/* What a new thread's FPU/SSE state starts as: Xen's initial state. */
static uint8_t initial_fpu[FPU_STATE_SIZE] __attribute__((aligned(64)));

struct thread *thread_current(void)
{
	return current_thread;
}

static void current_stack_bounds(uintptr_t *lo, uintptr_t *hi)
{
	const struct thread *t = current_thread ? current_thread : &main_thread;

	*lo = t->stack_lo;
	*hi = t->stack_hi;
}

struct wait_queue detached_ended;
struct thread *all_threads;
static unsigned int last_thread_id = 1; /* main's */

static void list_add(struct thread *t)
{
	unsigned long flags = local_irq_save();

	t->id = ++last_thread_id;
	t->all_next = all_threads;
	all_threads = t;
	local_irq_restore(flags);
}

static void list_remove(struct thread *t)
{
	unsigned long flags = local_irq_save();
	struct thread **pp = &all_threads;

	while (*pp && *pp != t)
		pp = &(*pp)->all_next;
	if (*pp)
		*pp = t->all_next;
	local_irq_restore(flags);
}

static const char *current_thread_name(void)
{
	return current_thread ? current_thread->name : main_thread.name;
}

static __noreturn void thread_main(struct thread *t)
{
	/* We arrive from schedule() with events masked; threads run
	 * with them enabled. */
	reap_detached();
	local_irq_enable();
	t->fn(t->arg);
	thread_exit();
}

struct thread *thread_create_flags(const char *name, void (*fn)(void *),
				   void *arg, unsigned int flags)
{
	char *slot = thread_stack_alloc();
	struct thread *t;
	uint64_t *sp;

	if (!slot || !fn) {
		if (slot)
			thread_stack_free(slot);
		return NULL;
	}
	/* The struct at the top of the slot, 64-byte aligned. */
	t = (struct thread *)(((uintptr_t)slot + STACK_SLOT_SIZE - sizeof(*t)) &
			      ~(uintptr_t)63);
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->flags = flags;
	t->fn = fn;
	t->arg = arg;
	t->stack_slot = slot;
	t->stack_lo = (uintptr_t)slot + STACK_GUARD_SIZE;
	t->stack_hi = (uintptr_t)t;
	memcpy(t->fpu, initial_fpu, sizeof(t->fpu));

	/* From the 16-byte aligned top down: padding, return address, then
	 * rbp, rbx, r12..r15 and the stack limit as switch_stacks pops them. */
	sp = (uint64_t *)(t->stack_hi & ~(uintptr_t)15);
	*--sp = 0;
	*--sp = (uint64_t)thread_start;
	*--sp = 0;		       /* rbp: the outermost frame */
	*--sp = 0;		       /* rbx */
	*--sp = (uint64_t)thread_main; /* r12 */
	*--sp = (uint64_t)t;	       /* r13 */
	*--sp = 0;		       /* r14 */
	*--sp = 0;		       /* r15 */
	*--sp = t->stack_lo + STACK_LIMIT_MARGIN;
	t->sp = (uint64_t)sp;

	t->state = THREAD_BLOCKED;
	list_add(t);
	thread_wake(t);
	return t;
}

struct thread *thread_create(const char *name, void (*fn)(void *), void *arg)
{
	return thread_create_flags(name, fn, arg, 0);
}

struct thread *kthread_create(const char *name, void (*fn)(void *), void *arg)
{
	return thread_create_flags(name, fn, arg, THREAD_KERNEL);
}

__noreturn void thread_exit(void)
{
	struct thread *self = current_thread;

	if (self == &main_thread)
		panic("thread_exit: the main thread ends by returning from "
		      "main()");
	local_irq_save();
	self->state = THREAD_EXITED;
	if (self->detached)
		wq_push(&detached_ended, self);
	else if (self->joiner)
		thread_wake(self->joiner);
	schedule();
	panic("thread_exit: exited thread '%s' was scheduled", self->name);
}

/* It will never run again: its libc state can go, and its stack. */
static void thread_free(struct thread *t)
{
	if (libc_reap)
		libc_reap(t);
	list_remove(t);
	thread_stack_free(t->stack_slot);
}

void reap_detached_now(void)
{
	struct thread *t;

	while ((t = wq_pop(&detached_ended)))
		thread_free(t);
}

int thread_join(struct thread *t)
{
	unsigned long flags;

	if (!t || t == current_thread || t == &main_thread)
		return -XEN_EINVAL;
	flags = local_irq_save();
	if (t->detached || t->joiner) {
		local_irq_restore(flags);
		return t->detached ? -XEN_EINVAL : -XEN_EBUSY;
	}
	/* Only thread_exit wakes us; another thread_wake just loops. */
	t->joiner = current_thread;
	while (t->state != THREAD_EXITED)
		thread_block_locked();
	local_irq_restore(flags);
	thread_free(t);
	return 0;
}

int thread_detach(struct thread *t)
{
	unsigned long flags;
	bool ended;

	if (!t || t == &main_thread)
		return -XEN_EINVAL;
	flags = local_irq_save();
	if (t->detached || t->joiner) {
		local_irq_restore(flags);
		return t->detached ? -XEN_EINVAL : -XEN_EBUSY;
	}
	t->detached = true;
	ended = t->state == THREAD_EXITED;
	local_irq_restore(flags);
	/* Ended already, and off its stack: no one else will free it. */
	if (ended)
		thread_free(t);
	return 0;
}

void threads_init(void)
{
	main_thread.stack_lo = (uintptr_t)boot_stack + BOOT_STACK_BOTTOM;
	main_thread.stack_hi = (uintptr_t)boot_stack_top;
	backtrace_set_stack_bounds(current_stack_bounds);
	stack_limit_set_thread_name(current_thread_name);
	fpu_save(initial_fpu);
	current_thread = &main_thread;
	main_thread.all_next = all_threads;
	all_threads = &main_thread;
	trace_boot(
		"threads: main thread on the boot stack %p-%p; thread "
		"stacks of %d KiB from the page allocator, a guard page each",
		(void *)main_thread.stack_lo, boot_stack_top,
		STACK_SLOT_SIZE / 1024);
}
