/* test_gdb_regs.c - pvmini's frames in gdb's amd64 register order
 * (kernel/debug/gdb_regs.c). */
#include "kernel/debug/gdb_regs.h"
#include "unit.h"

static struct cpu_regs frame(void)
{
	return (struct cpu_regs){
		.rax = 0x1111,
		.rbx = 0x2222,
		.rcx = 0x3333,
		.rdx = 0x4444,
		.rsi = 0x5555,
		.rdi = 0x6666,
		.rbp = 0x7777,
		.rsp = 0x8888,
		.r8 = 8,
		.r9 = 9,
		.r10 = 10,
		.r11 = 11,
		.r12 = 12,
		.r13 = 13,
		.r14 = 14,
		.r15 = 15,
		.rip = 0xffffffff80001234ULL,
		/* Xen's saved event mask above the selector bits */
		.rflags = 0x246,
		.cs = 0x1000e033,
		.ss = 0x1000e02b,
		.vector = 3,
	};
}

TEST(frame_to_gdb_order)
{
	struct cpu_regs f = frame();
	struct gdb_regs r;

	gdb_regs_from_frame(&f, &r);
	CHECK(r.valid == (1U << GDB_NREGS) - 1);
	CHECK(r.v[GDB_RAX] == 0x1111 && r.v[GDB_RBX] == 0x2222);
	CHECK(r.v[GDB_RCX] == 0x3333 && r.v[GDB_RDX] == 0x4444);
	CHECK(r.v[GDB_RSI] == 0x5555 && r.v[GDB_RDI] == 0x6666);
	CHECK(r.v[GDB_RBP] == 0x7777 && r.v[GDB_RSP] == 0x8888);
	for (int i = 8; i <= 15; i++)
		CHECK(r.v[GDB_R8 + i - 8] == (uint64_t)i);
	CHECK(r.v[GDB_RIP] == 0xffffffff80001234ULL);
	CHECK(r.v[GDB_EFLAGS] == 0x246);
	CHECK(r.v[GDB_CS] == 0xe033 && r.v[GDB_SS] == 0xe02b);
}

TEST(g_packet_is_little_endian_in_gdb_order)
{
	struct cpu_regs f = frame();
	struct gdb_regs r;
	char g[2 * GDB_G_BYTES + 1];

	gdb_regs_from_frame(&f, &r);
	CHECK(gdb_regs_encode(&r, g, sizeof(g)) == 2 * GDB_G_BYTES);
	CHECK(strlen(g) == 2 * GDB_G_BYTES);
	CHECK(!strncmp(g, "1111000000000000", 16));	      /* rax */
	CHECK(!strncmp(g + 16, "2222000000000000", 16));      /* rbx */
	CHECK(!strncmp(g + 16 * 16, "34120080ffffffff", 16)); /* rip */
	CHECK(!strncmp(g + 17 * 16, "46020000", 8));	      /* eflags */
	CHECK(!strncmp(g + 17 * 16 + 8, "33e00000", 8));      /* cs */
	CHECK(gdb_regs_encode(&r, g, sizeof(g) - 1) == 0);
}

TEST(G_packet_round_trip_writes_back_only_what_may_change)
{
	struct cpu_regs f = frame(), g2;
	struct gdb_regs r, back;
	char g[2 * GDB_G_BYTES + 1];

	gdb_regs_from_frame(&f, &r);
	r.v[GDB_RAX] = 0xdeadbeef;
	r.v[GDB_RIP] = 0xffffffff80005678ULL;
	r.v[GDB_EFLAGS] = 0x346; /* TF */
	r.v[GDB_CS] = 0x10;	 /* ignored: Xen's slot */
	gdb_regs_encode(&r, g, sizeof(g));
	memset(&back, 0, sizeof(back));
	CHECK(gdb_regs_decode(g, strlen(g), &back) == 0);
	CHECK(back.v[GDB_RAX] == 0xdeadbeef);
	g2 = f;
	gdb_regs_to_frame(&back, &g2);
	CHECK(g2.rax == 0xdeadbeef);
	CHECK(g2.rip == 0xffffffff80005678ULL);
	CHECK(g2.rflags == 0x346);
	CHECK(g2.cs == f.cs && g2.ss == f.ss && g2.vector == f.vector);
	CHECK(g2.rbx == f.rbx && g2.r15 == f.r15);
}

TEST(G_packet_errors)
{
	struct gdb_regs r = { .valid = 0 };

	CHECK(gdb_regs_decode("123", 3, &r) == -1);	 /* odd */
	CHECK(gdb_regs_decode("12345678", 8, &r) == -1); /* rax cut */
	CHECK(gdb_regs_decode("zz00000000000000", 16, &r) == -1);
	CHECK(r.valid == 0);
	/* One whole register is fine: only it is set. */
	CHECK(gdb_regs_decode("0100000000000000", 16, &r) == 0);
	CHECK(r.valid == 1 && r.v[GDB_RAX] == 1);
	{
		static char too_long[2 * GDB_G_BYTES + 3];

		memset(too_long, '0', sizeof(too_long) - 1);
		CHECK(gdb_regs_decode(too_long, sizeof(too_long) - 1, &r) ==
		      -1);
	}
}

TEST(one_register_p_and_P)
{
	struct cpu_regs f = frame();
	struct gdb_regs r;
	char hex[20];

	gdb_regs_from_frame(&f, &r);
	CHECK(gdb_reg_encode(&r, GDB_RIP, hex, sizeof(hex)) == 16);
	CHECK_STR(hex, "34120080ffffffff");
	CHECK(gdb_reg_encode(&r, GDB_SS, hex, sizeof(hex)) == 8);
	CHECK_STR(hex, "2be00000");
	CHECK(gdb_reg_encode(&r, GDB_NREGS, hex, sizeof(hex)) == 0);
	CHECK(gdb_reg_decode(&r, GDB_RBX, "efbeadde00000000", 16) == 0);
	CHECK(r.v[GDB_RBX] == 0xdeadbeef);
	CHECK(gdb_reg_decode(&r, GDB_RBX, "efbeadde", 8) == -1);
	CHECK(gdb_reg_decode(&r, GDB_EFLAGS, "02000000", 8) == 0);
	CHECK(r.v[GDB_EFLAGS] == 2);
	CHECK(gdb_reg_decode(&r, 99, "00", 2) == -1);
}

TEST(switch_frame_gives_callee_saved_and_the_return)
{
	/* limit, r15, r14, r13, r12, rbx, rbp, return address */
	const uint64_t w[GDB_SWITCH_WORDS] = {
		0x1000, 15, 14, 13, 12, 0xb, 0xbb, 0xffffffff80002000
	};
	struct cpu_regs f = frame();
	struct gdb_regs running, r;
	char g[2 * GDB_G_BYTES + 1];

	gdb_regs_from_frame(&f, &running);
	gdb_regs_from_switch(w, 0x5000, &running, &r);
	CHECK(r.v[GDB_RIP] == 0xffffffff80002000ULL);
	CHECK(r.v[GDB_RSP] == 0x5040);
	CHECK(r.v[GDB_RBP] == 0xbb && r.v[GDB_RBX] == 0xb);
	CHECK(r.v[GDB_R12] == 12 && r.v[GDB_R15] == 15);
	CHECK(r.v[GDB_CS] == 0xe033);
	CHECK(!(r.valid & (1U << GDB_RAX)) && !(r.valid & (1U << GDB_RDI)));
	/* Unknown registers travel as x: gdb shows them unavailable. */
	gdb_regs_encode(&r, g, sizeof(g));
	CHECK(!strncmp(g, "xxxxxxxxxxxxxxxx", 16));
	CHECK(!strncmp(g + 16, "0b00000000000000", 16));
}

TEST(signals_for_exceptions)
{
	CHECK(gdb_signal_for_vector(14) == GDB_SIGSEGV);
	CHECK(gdb_signal_for_vector(13) == GDB_SIGSEGV);
	CHECK(gdb_signal_for_vector(3) == GDB_SIGTRAP);
	CHECK(gdb_signal_for_vector(1) == GDB_SIGTRAP);
	CHECK(gdb_signal_for_vector(6) == GDB_SIGILL);
	CHECK(gdb_signal_for_vector(0) == GDB_SIGFPE);
	CHECK(gdb_signal_for_vector(17) == GDB_SIGBUS);
}
