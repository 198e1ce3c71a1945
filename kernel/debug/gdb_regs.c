/*
 * gdb_regs.c - between pvmini's frames and gdb's register numbering
 * (gdb_regs.h). Pure: no hypercall.
 */
#include "kernel/debug/gdb_regs.h"
#include "kernel/debug/gdb_packet.h"

#define ALL_REGS ((1U << GDB_NREGS) - 1)
#define BIT(n) (1U << (n))

unsigned int gdb_reg_size(unsigned int regno)
{
	if (regno <= GDB_RIP)
		return 8;
	return regno < GDB_NREGS ? 4 : 0;
}

/* Where each general register lives in struct cpu_regs, by gdb number. */
#define SLOT(reg) offsetof(struct cpu_regs, reg)
static const size_t frame_slot[GDB_RIP + 1] = {
	SLOT(rax), SLOT(rbx), SLOT(rcx), SLOT(rdx), SLOT(rsi), SLOT(rdi),
	SLOT(rbp), SLOT(rsp), SLOT(r8),	 SLOT(r9),  SLOT(r10), SLOT(r11),
	SLOT(r12), SLOT(r13), SLOT(r14), SLOT(r15), SLOT(rip),
};

void gdb_regs_from_frame(const struct cpu_regs *f, struct gdb_regs *r)
{
	const char *base = (const char *)f;

	for (unsigned int i = 0; i <= GDB_RIP; i++)
		memcpy(&r->v[i], base + frame_slot[i], sizeof(uint64_t));
	r->v[GDB_EFLAGS] = f->rflags & 0xffffffff;
	/* Xen keeps the saved event mask above the selector bits. */
	r->v[GDB_CS] = f->cs & 0xffff;
	r->v[GDB_SS] = f->ss & 0xffff;
	r->v[GDB_DS] = r->v[GDB_ES] = r->v[GDB_FS] = r->v[GDB_GS] = 0;
	r->valid = ALL_REGS;
}

void gdb_regs_to_frame(const struct gdb_regs *r, struct cpu_regs *f)
{
	char *base = (char *)f;

	for (unsigned int i = 0; i <= GDB_RIP; i++)
		if (r->valid & BIT(i))
			memcpy(base + frame_slot[i], &r->v[i],
			       sizeof(uint64_t));
	if (r->valid & BIT(GDB_EFLAGS))
		f->rflags = (f->rflags & ~0xffffffffULL) |
			    (r->v[GDB_EFLAGS] & 0xffffffff);
}

void gdb_regs_from_switch(const uint64_t w[GDB_SWITCH_WORDS], uint64_t sp,
			  const struct gdb_regs *running, struct gdb_regs *r)
{
	memset(r, 0, sizeof(*r));
	r->v[GDB_R15] = w[1];
	r->v[GDB_R14] = w[2];
	r->v[GDB_R13] = w[3];
	r->v[GDB_R12] = w[4];
	r->v[GDB_RBX] = w[5];
	r->v[GDB_RBP] = w[6];
	r->v[GDB_RIP] = w[7];
	r->v[GDB_RSP] = sp + GDB_SWITCH_WORDS * 8;
	r->valid = BIT(GDB_R15) | BIT(GDB_R14) | BIT(GDB_R13) | BIT(GDB_R12) |
		   BIT(GDB_RBX) | BIT(GDB_RBP) | BIT(GDB_RIP) | BIT(GDB_RSP);
	for (unsigned int i = GDB_CS; i < GDB_NREGS; i++) {
		r->v[i] = running->v[i];
		r->valid |= running->valid & BIT(i);
	}
}

size_t gdb_reg_encode(const struct gdb_regs *r, unsigned int regno, char *out,
		      size_t size)
{
	unsigned int n = gdb_reg_size(regno);
	uint8_t bytes[8];

	if (!n || size < 2 * n + 1)
		return 0;
	if (!(r->valid & BIT(regno))) {
		memset(out, 'x', 2 * n);
		out[2 * n] = '\0';
		return 2 * n;
	}
	for (unsigned int i = 0; i < n; i++) /* little-endian */
		bytes[i] = (uint8_t)(r->v[regno] >> (8 * i));
	return gdb_hex_encode(bytes, n, out, size);
}

size_t gdb_regs_encode(const struct gdb_regs *r, char *out, size_t size)
{
	size_t at = 0;

	if (size < 2 * GDB_G_BYTES + 1)
		return 0;
	for (unsigned int i = 0; i < GDB_NREGS; i++)
		at += gdb_reg_encode(r, i, out + at, size - at);
	return at;
}

int gdb_reg_decode(struct gdb_regs *r, unsigned int regno, const char *hex,
		   size_t len)
{
	unsigned int n = gdb_reg_size(regno);
	uint8_t bytes[8];
	uint64_t v = 0;

	if (!n || len != 2 * n || gdb_hex_decode(hex, len, bytes, n) != n)
		return -1;
	for (unsigned int i = 0; i < n; i++)
		v |= (uint64_t)bytes[i] << (8 * i);
	r->v[regno] = v;
	r->valid |= BIT(regno);
	return 0;
}

int gdb_regs_decode(const char *hex, size_t len, struct gdb_regs *r)
{
	struct gdb_regs tmp = *r;
	size_t at = 0;

	if (len % 2 || len > 2 * GDB_G_BYTES)
		return -1;
	for (unsigned int i = 0; i < GDB_NREGS && at < len; i++) {
		size_t n = 2 * gdb_reg_size(i);

		if (at + n > len || gdb_reg_decode(&tmp, i, hex + at, n))
			return -1;
		at += n;
	}
	*r = tmp;
	return 0;
}

int gdb_signal_for_vector(unsigned long vector)
{
	switch (vector) {
	case 1: /* debug: a single step */
	case 3: /* int3 */
		return GDB_SIGTRAP;
	case 0:	 /* divide error */
	case 16: /* x87 error */
	case 19: /* SIMD error */
		return GDB_SIGFPE;
	case 6: /* invalid opcode, ud2: a failed ASSERT */
		return GDB_SIGILL;
	case 17: /* alignment check */
	case 18: /* machine check */
		return GDB_SIGBUS;
	default: /* page fault, general protection, stack, ... */
		return GDB_SIGSEGV;
	}
}
