/*
 * gdb_target.c - the stopped domain as gdb_proto.c sees it (struct
 * gdb_ops): memory through gdb_mem.c, threads from the scheduler's list
 * of every thread, registers from the frame of the context that stopped
 * or from the switch frame another thread left on its stack.
 *
 * Thread ids are the scheduler's (main is 1). Only the context that
 * stopped runs when gdb resumes: the scheduler is cooperative and has
 * one vCPU, so "thread 3" cannot step while thread 1 holds the CPU.
 * gdb may look at every thread, and change the registers of the one
 * that stopped.
 */
#include <pvmini/thread.h>
#include "kernel/debug/gdb_mem.h"
#include "kernel/debug/gdb_target.h"
#include "kernel/sched/sched_internal.h"

static struct thread *find(unsigned long tid)
{
	for (struct thread *t = all_threads; t; t = t->all_next)
		if (t->id == tid)
			return t;
	return NULL;
}

static size_t read_mem(void *ctx __unused, uint64_t addr, void *buf, size_t n)
{
	return gdb_mem_read(addr, buf, n);
}

static int write_mem(void *ctx __unused, uint64_t addr, const void *buf,
		     size_t n)
{
	return gdb_mem_write(addr, buf, n);
}

static int get_regs(void *ctx, unsigned long tid, struct gdb_regs *r)
{
	struct gdb_target *tg = ctx;
	struct gdb_regs running;
	uint64_t w[GDB_SWITCH_WORDS];
	struct thread *t;

	gdb_regs_from_frame(tg->frame, &running);
	if (tid == tg->stopped_tid) {
		*r = running;
		return 0;
	}
	t = find(tid);
	if (!t || gdb_mem_read(t->sp, w, sizeof(w)) != sizeof(w))
		return -1;
	gdb_regs_from_switch(w, t->sp, &running, r);
	return 0;
}

static int set_regs(void *ctx, unsigned long tid, const struct gdb_regs *r)
{
	struct gdb_target *tg = ctx;

	if (tid != tg->stopped_tid)
		return -1;
	gdb_regs_to_frame(r, tg->frame);
	return 0;
}

static unsigned long next_thread(void *ctx __unused, unsigned long after)
{
	unsigned long best = 0;

	for (struct thread *t = all_threads; t; t = t->all_next)
		if (t->id > after && (!best || t->id < best))
			best = t->id;
	return best;
}

static int describe_thread(void *ctx, unsigned long tid, char *buf, size_t size)
{
	struct gdb_target *tg = ctx;
	struct thread *t = find(tid);
	const char *state;

	if (!t)
		return -1;
	if (tid == tg->stopped_tid)
		state = "running";
	else if (t->state == THREAD_RUNNABLE)
		state = "runnable";
	else if (t->state == THREAD_BLOCKED)
		state = "blocked";
	else
		state = "exited";
	snprintf(buf, size, "%s, %s", t->name ? t->name : "?", state);
	return 0;
}

const struct gdb_ops gdb_target_ops = {
	.read_mem = read_mem,
	.write_mem = write_mem,
	.get_regs = get_regs,
	.set_regs = set_regs,
	.next_thread = next_thread,
	.describe_thread = describe_thread,
};

void gdb_target_stop(struct gdb_target *tg, struct cpu_regs *frame)
{
	struct thread *t = thread_current();

	tg->frame = frame;
	tg->stopped_tid = t ? t->id : 1;
}
