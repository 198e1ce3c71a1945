/* test_gdb_proto.c - gdb's packets against a fake stopped domain
 * (kernel/debug/gdb_proto.c; the fake: gdb_fake.h). */
#include "kernel/debug/gdb_proto.h"
#include "gdb_fake.h"
#include "unit.h"

static struct gdb_session s;
static char reply[GDB_PACKET_MAX + 1];

static enum gdb_action send(const char *pkt)
{
	return gdb_dispatch(&s, pkt, strlen(pkt), reply, sizeof(reply));
}

static void setup(void)
{
	struct cpu_regs f = { .rip = FAKE_BASE + 0x2010,
			      .rsp = 0x8000,
			      .rflags = 0x246,
			      .cs = 0xe033,
			      .ss = 0xe02b };

	for (size_t i = 0; i < FAKE_SIZE; i++)
		fake_mem[i] = (uint8_t)i;
	gdb_regs_from_frame(&f, &fake_stopped_regs);
	memset(&fake_other_regs, 0, sizeof(fake_other_regs));
	fake_other_regs.v[GDB_RIP] = 0x4242;
	fake_other_regs.valid = 1U << GDB_RIP;
	fake_writes = 0;
	gdb_session_init(&s, &fake_ops, NULL);
	gdb_session_stop(&s, 1, 5, false);
}

TEST(supported_and_stop_reason)
{
	setup();
	CHECK(send("qSupported:multiprocess+;swbreak+;xmlRegisters=i386") ==
	      GDB_REPLY);
	CHECK_STR(reply, "PacketSize=1000;QStartNoAckMode+;swbreak+");
	CHECK(send("?") == GDB_REPLY);
	CHECK_STR(reply, "T05thread:1;");
	gdb_session_stop(&s, 2, 11, false);
	send("?");
	CHECK_STR(reply, "T0bthread:2;");
	gdb_session_stop(&s, 1, 5, true);
	send("?");
	CHECK_STR(reply, "T05thread:1;swbreak:;");
	CHECK(!s.no_ack);
	send("QStartNoAckMode");
	CHECK_STR(reply, "OK");
	CHECK(s.no_ack);
}

TEST(unknown_packets_get_the_empty_reply)
{
	setup();
	send("vCont?");
	CHECK_STR(reply, "");
	send("vMustReplyEmpty");
	CHECK_STR(reply, "");
	send("X10000,0:");
	CHECK_STR(reply, "");
	send("Z1,10000,1"); /* hardware breakpoint */
	CHECK_STR(reply, "");
	CHECK(gdb_dispatch(&s, "", 0, reply, sizeof(reply)) == GDB_REPLY);
	CHECK_STR(reply, "");
}

TEST(memory_read_and_short_reads)
{
	setup();
	send("m10000,4");
	CHECK_STR(reply, "00010203");
	send("m1fffe,4"); /* runs off the end: the part that exists */
	CHECK_STR(reply, "feff");
	send("m0,4");
	CHECK_STR(reply, "E0e");
	send("mffffffffffffffff,10");
	CHECK_STR(reply, "E0e");
	send("m10000");
	CHECK_STR(reply, "E01");
	send("m10000,4x");
	CHECK_STR(reply, "E01");
	send("m10000,0");
	CHECK_STR(reply, "");
	/* A huge length is cut to what a reply holds. */
	send("m10000,ffffffff");
	CHECK(strlen(reply) == GDB_PACKET_MAX);
}

TEST(memory_write)
{
	setup();
	send("M10004,2:abcd");
	CHECK_STR(reply, "OK");
	CHECK(fake_mem[4] == 0xab && fake_mem[5] == 0xcd);
	send("M10004,2:abc");
	CHECK_STR(reply, "E01");
	send("M10004,1:abcd");
	CHECK_STR(reply, "E01");
	send("M10004,1:zz");
	CHECK_STR(reply, "E01");
	send("M1ffff,2:0102"); /* half outside: nothing written */
	CHECK_STR(reply, "E0e");
	CHECK(fake_mem[0xffff] == 0xff);
}

TEST(registers_g_G_p_P)
{
	char g[2 * GDB_G_BYTES + 1];

	setup();
	send("g");
	CHECK(strlen(reply) == 2 * GDB_G_BYTES);
	CHECK(!strncmp(reply + 16 * 16, "1020010000000000", 16)); /* rip */
	memcpy(g, reply, sizeof(g));
	memcpy(g, "efbeadde00000000", 16); /* rax */
	reply[0] = 'G';
	{
		char pkt[sizeof(g) + 1] = "G";

		strcat(pkt, g);
		send(pkt);
	}
	CHECK_STR(reply, "OK");
	CHECK(fake_stopped_regs.v[GDB_RAX] == 0xdeadbeef);
	send("p10");
	CHECK_STR(reply, "1020010000000000");
	send("P10=0030010000000000");
	CHECK_STR(reply, "OK");
	CHECK(fake_stopped_regs.v[GDB_RIP] == 0x13000);
	send("p11");
	CHECK_STR(reply, "46020000");
	send("p30"); /* an SSE register: unavailable */
	CHECK(reply[0] == 'x');
	send("P30=00");
	CHECK_STR(reply, "E01");
	send("P10=00");
	CHECK_STR(reply, "E01");
	send("pz");
	CHECK_STR(reply, "E01");
}

TEST(other_threads_registers_read_only)
{
	setup();
	send("Hg2");
	CHECK_STR(reply, "OK");
	send("g");
	CHECK(!strncmp(reply, "xxxxxxxxxxxxxxxx", 16)); /* rax unknown */
	CHECK(!strncmp(reply + 16 * 16, "4242000000000000", 16));
	send("P10=0000000000000000");
	CHECK_STR(reply, "E03");
	send("Hg9");
	CHECK_STR(reply, "E03");
	send("Hg0");
	CHECK_STR(reply, "OK");
	send("p10");
	CHECK_STR(reply, "1020010000000000");
	send("Hc-1");
	CHECK_STR(reply, "OK");
	send("Hx1");
	CHECK_STR(reply, "E01");
	/* A new stop selects the stopped thread again. */
	send("Hg5");
	gdb_session_stop(&s, 1, 5, false);
	send("p10");
	CHECK_STR(reply, "1020010000000000");
}

TEST(thread_list_info_and_liveness)
{
	setup();
	send("qfThreadInfo");
	CHECK_STR(reply, "m1,2,5");
	send("qsThreadInfo");
	CHECK_STR(reply, "l");
	send("qC");
	CHECK_STR(reply, "QC1");
	send("qAttached");
	CHECK_STR(reply, "1");
	send("qThreadExtraInfo,2");
	/* "worker, blocked" in hex */
	CHECK_STR(reply, "776f726b65722c20626c6f636b6564");
	send("qThreadExtraInfo,7");
	CHECK_STR(reply, "E03");
	send("qThreadExtraInfo,");
	CHECK_STR(reply, "E01");
	send("T5");
	CHECK_STR(reply, "OK");
	send("T6");
	CHECK_STR(reply, "E03");
}

TEST(resume_step_signal_and_address)
{
	setup();
	CHECK(send("c") == GDB_RESUME);
	CHECK(!s.step && s.resume_signal == 0);
	CHECK(send("s") == GDB_RESUME && s.step);
	CHECK(send("C0b") == GDB_RESUME);
	CHECK(!s.step && s.resume_signal == 11);
	CHECK(send("S05;12000") == GDB_RESUME);
	CHECK(s.step && s.resume_signal == 5);
	CHECK(fake_stopped_regs.v[GDB_RIP] == 0x12000);
	CHECK(send("c10010") == GDB_RESUME);
	CHECK(fake_stopped_regs.v[GDB_RIP] == 0x10010);
	CHECK(send("Cxx") == GDB_REPLY);
	CHECK_STR(reply, "E01");
	CHECK(send("C100") == GDB_REPLY); /* not a signal */
	CHECK(send("c12z") == GDB_REPLY);
	CHECK(send("k") == GDB_KILL);
	CHECK(send("vKill;1") == GDB_KILL);
	CHECK_STR(reply, "OK");
}

TEST(breakpoints_insert_and_hide)
{
	setup();
	send("Z0,12010,1");
	CHECK_STR(reply, "OK");
	CHECK(fake_writes == 1); /* the patch path was tried */
	CHECK(fake_mem[0x2010] == 0x10);
	CHECK(gdb_breakpoint_at(&s, 0x12010));
	CHECK(!gdb_breakpoint_at(&s, 0x12011));
	send("Z0,12010,1"); /* again: still one */
	CHECK_STR(reply, "OK");
	send("Z0,ffff0000,1"); /* not there */
	CHECK_STR(reply, "E0e");
	gdb_breakpoints_insert(&s);
	CHECK(fake_mem[0x2010] == GDB_INT3);
	gdb_breakpoints_insert(&s); /* idempotent: the byte stays saved */
	gdb_breakpoints_remove(&s);
	CHECK(fake_mem[0x2010] == 0x10);
	send("m12010,1");
	CHECK_STR(reply, "10");
	send("z0,12010,1");
	CHECK_STR(reply, "OK");
	CHECK(!gdb_breakpoint_at(&s, 0x12010));
	gdb_breakpoints_insert(&s);
	CHECK(fake_mem[0x2010] == 0x10);
}

TEST(breakpoint_table_fills_up)
{
	char pkt[32];

	setup();
	for (int i = 0; i < GDB_BREAKPOINTS; i++) {
		snprintf(pkt, sizeof(pkt), "Z0,%x,1", 0x11000 + i);
		send(pkt);
		CHECK_STR(reply, "OK");
	}
	send("Z0,11800,1");
	CHECK_STR(reply, "E1c");
	send("z0,11000,1");
	send("Z0,11800,1");
	CHECK_STR(reply, "OK");
}

TEST(detach_and_a_new_gdb_forget_breakpoints)
{
	setup();
	send("Z0,12010,1");
	CHECK(send("D") == GDB_DETACH);
	CHECK_STR(reply, "OK");
	CHECK(!gdb_breakpoint_at(&s, 0x12010));
	send("Z0,12010,1");
	send("QStartNoAckMode");
	send("qSupported");
	CHECK(!gdb_breakpoint_at(&s, 0x12010));
	CHECK(!s.no_ack);
}
