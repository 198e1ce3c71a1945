/*
 * gdb_regs.h - x86-64 registers as gdb numbers them, and the two frames
 * pvmini keeps them in: the trap or upcall frame of the context that
 * stopped (struct cpu_regs, arch/x86/regs.h), and the switch frame a
 * thread that is not running left on its stack (arch/x86/switch.S).
 * Pure (kernel/debug/gdb_regs.c): unit-tested on the host.
 *
 * gdb's amd64 order (no target description is sent, so gdb assumes it):
 * 0 rax, 1 rbx, 2 rcx, 3 rdx, 4 rsi, 5 rdi, 6 rbp, 7 rsp, 8-15 r8-r15,
 * 16 rip (8 bytes each), 17 eflags, 18 cs, 19 ss, 20 ds, 21 es, 22 fs,
 * 23 gs (4 bytes each). The x87 and SSE registers that follow are not
 * sent: gdb shows them as unavailable.
 */
#ifndef KERNEL_DEBUG_GDB_REGS_H
#define KERNEL_DEBUG_GDB_REGS_H

#include <pvmini/lib.h>
#include "arch/x86/regs.h"

enum {
	GDB_RAX,
	GDB_RBX,
	GDB_RCX,
	GDB_RDX,
	GDB_RSI,
	GDB_RDI,
	GDB_RBP,
	GDB_RSP,
	GDB_R8,
	GDB_R9,
	GDB_R10,
	GDB_R11,
	GDB_R12,
	GDB_R13,
	GDB_R14,
	GDB_R15,
	GDB_RIP,
	GDB_EFLAGS,
	GDB_CS,
	GDB_SS,
	GDB_DS,
	GDB_ES,
	GDB_FS,
	GDB_GS,
	GDB_NREGS
};

/* The g packet's bytes: 17 registers of 8, 7 of 4. */
#define GDB_G_BYTES (17 * 8 + 7 * 4)

struct gdb_regs {
	uint64_t v[GDB_NREGS];
	uint32_t valid; /* bit n: v[n] is known */
};

/* Bytes register regno occupies in a packet: 8, 4, or 0 for one outside
 * the 24 above. */
unsigned int gdb_reg_size(unsigned int regno);

/* Everything from the frame of the context that stopped. */
void gdb_regs_from_frame(const struct cpu_regs *f, struct gdb_regs *r);
/*
 * Back into the frame: the general registers, rip and eflags. The
 * segment slots are Xen's (the upper bits of cs and ss keep the event
 * mask) and are never written.
 */
void gdb_regs_to_frame(const struct gdb_regs *r, struct cpu_regs *f);

/* The switch frame's 8 words, from sp up: the stack limit, r15, r14, r13,
 * r12, rbx, rbp, the return address (arch/x86/switch.h). */
#define GDB_SWITCH_WORDS 8
/*
 * A thread that is not running, as it will be once its switch_stacks
 * returns: rip the return address, rsp above the frame, the callee-saved
 * registers; the caller-saved ones are unknown. cs and ss are the
 * running context's (every thread runs in the same rings).
 */
void gdb_regs_from_switch(const uint64_t w[GDB_SWITCH_WORDS], uint64_t sp,
			  const struct gdb_regs *running, struct gdb_regs *r);

/* The g reply: GDB_G_BYTES bytes in hex, little-endian, "xx" per byte of
 * an unknown register. out needs 2 * GDB_G_BYTES + 1. Returns the digits
 * written, 0 if out is too small. */
size_t gdb_regs_encode(const struct gdb_regs *r, char *out, size_t size);
/* One register for p: returns the digits, 0 if too small or no such. */
size_t gdb_reg_encode(const struct gdb_regs *r, unsigned int regno, char *out,
		      size_t size);
/*
 * A G packet's hex (at most GDB_G_BYTES bytes; a shorter one sets the
 * registers it covers whole) into r, marking those valid. Returns 0, or
 * -1 for bad hex, a register cut in two, or too many bytes.
 */
int gdb_regs_decode(const char *hex, size_t len, struct gdb_regs *r);
/* One register's hex for P (exactly its size); 0 or -1. */
int gdb_reg_decode(struct gdb_regs *r, unsigned int regno, const char *hex,
		   size_t len);

/* The gdb signal number for an x86 exception vector (SIGSEGV for a page
 * fault, SIGTRAP for int3 and #DB, ...). */
int gdb_signal_for_vector(unsigned long vector);

/* gdb's own signal numbers (the remote protocol's, not a host's). */
#define GDB_SIGINT 2
#define GDB_SIGILL 4
#define GDB_SIGTRAP 5
#define GDB_SIGABRT 6
#define GDB_SIGFPE 8
#define GDB_SIGKILL 9
#define GDB_SIGBUS 10
#define GDB_SIGSEGV 11

#endif
