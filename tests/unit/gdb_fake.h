/*
 * gdb_fake.h - a stopped domain made up for the gdb stub's host tests
 * (tests/unit/test_gdb_proto.c, tests/fuzz/fuzz_gdb.c), behind the
 * struct gdb_ops of kernel/debug/gdb_proto.h: FAKE_SIZE bytes of memory
 * at FAKE_BASE, writable (as the stub patches read-only text), with 32
 * guard bytes on each side that nothing may ever touch; thread 1 is the
 * one that stopped (its registers can change), threads 2 and 5 are
 * blocked (theirs cannot).
 */
#ifndef GDB_FAKE_H
#define GDB_FAKE_H

#include <stdio.h>
#include <string.h>
#include "kernel/debug/gdb_proto.h"

#define FAKE_BASE 0x10000ULL
#define FAKE_SIZE 0x10000ULL
static uint8_t fake_mem_all[FAKE_SIZE + 64];
#define fake_mem (fake_mem_all + 32)
static struct gdb_regs fake_stopped_regs, fake_other_regs;
static int fake_writes;

static bool fake_inside(uint64_t a, size_t n)
{
	return a >= FAKE_BASE && n <= FAKE_SIZE &&
	       a - FAKE_BASE <= FAKE_SIZE - n;
}

static size_t fake_read(void *ctx, uint64_t addr, void *buf, size_t n)
{
	size_t k = 0;

	(void)ctx;
	while (k < n && fake_inside(addr + k, 1)) {
		((uint8_t *)buf)[k] = fake_mem[addr + k - FAKE_BASE];
		k++;
	}
	return k;
}

static int fake_write(void *ctx, uint64_t addr, const void *buf, size_t n)
{
	(void)ctx;
	if (!fake_inside(addr, n))
		return -1;
	memcpy(fake_mem + (addr - FAKE_BASE), buf, n);
	fake_writes++;
	return 0;
}

static bool fake_thread(unsigned long tid)
{
	return tid == 1 || tid == 2 || tid == 5;
}

static int fake_get(void *ctx, unsigned long tid, struct gdb_regs *r)
{
	(void)ctx;
	if (!fake_thread(tid))
		return -1;
	*r = tid == 1 ? fake_stopped_regs : fake_other_regs;
	return 0;
}

static int fake_set(void *ctx, unsigned long tid, const struct gdb_regs *r)
{
	(void)ctx;
	if (tid != 1)
		return -1;
	fake_stopped_regs = *r;
	return 0;
}

static unsigned long fake_next(void *ctx, unsigned long after)
{
	(void)ctx;
	return after < 1 ? 1 : after < 2 ? 2 : after < 5 ? 5 : 0;
}

static int fake_describe(void *ctx, unsigned long tid, char *buf, size_t size)
{
	(void)ctx;
	if (!fake_thread(tid))
		return -1;
	snprintf(buf, size, "%s, %s", tid == 1 ? "main" : "worker",
		 tid == 1 ? "running" : "blocked");
	return 0;
}

static const struct gdb_ops fake_ops = {
	fake_read, fake_write, fake_get, fake_set, fake_next, fake_describe,
};

#endif
