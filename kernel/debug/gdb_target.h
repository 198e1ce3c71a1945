/*
 * gdb_target.h - the stopped domain behind gdb_proto.c's struct gdb_ops
 * (kernel/debug/gdb_target.c): memory, threads, registers.
 */
#ifndef KERNEL_DEBUG_GDB_TARGET_H
#define KERNEL_DEBUG_GDB_TARGET_H

#include "kernel/debug/gdb_proto.h"

struct gdb_target {
	struct cpu_regs *frame;	   /* of the context that stopped */
	unsigned long stopped_tid; /* the thread it belongs to */
};

/* The ops; ctx is a struct gdb_target. */
extern const struct gdb_ops gdb_target_ops;

/* The domain stopped in the running thread with this frame. */
void gdb_target_stop(struct gdb_target *tg, struct cpu_regs *frame);

#endif
