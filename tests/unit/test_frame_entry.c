/* test_frame_entry.c - finding where a function builds its frame, past
 * gcc's split-stack check (arch/x86/frame_entry.c); the byte runs are
 * gcc 12's own output. */
#include "arch/x86/frame_entry.h"
#include "unit.h"

#define PUSH 0x55
#define MOV_RSP_RBP 0x48, 0x89, 0xe5
#define CMP_RSP 0x64, 0x48, 0x3b, 0x24, 0x25, 0x70, 0x00, 0x00, 0x00
#define CMP_R11 0x64, 0x4c, 0x3b, 0x1c, 0x25, 0x70, 0x00, 0x00, 0x00

#define FIND(code) frame_entry_find(code, sizeof(code))

TEST(small_frame)
{
	/* cmp %fs:0x70,%rsp; jb; push %rbp; mov %rsp,%rbp; sub ... */
	static const uint8_t f[] = { CMP_RSP,	  0x72, 0x1a, PUSH,
				     MOV_RSP_RBP, 0x48, 0x83 };
	struct frame_entry e = FIND(f);

	CHECK(e.push == 11 && e.set == 15);
}

TEST(large_frame_checks_r11)
{
	/* lea -0xfa8(%rsp),%r11; cmp %fs:0x70,%r11; jb; push ... */
	static const uint8_t f[] = { 0x4c, 0x8d, 0x9c,	     0x24,    0x58,
				     0xf0, 0xff, 0xff,	     CMP_R11, 0x72,
				     0x23, PUSH, MOV_RSP_RBP };
	static const uint8_t short_lea[] = { 0x4c, 0x8d,       0x5c, 0x24,
					     0x80, CMP_R11,    0x72, 0x23,
					     PUSH, MOV_RSP_RBP };

	CHECK(FIND(f).push == 19);
	CHECK(FIND(short_lea).push == 16);
}

TEST(varargs_lea_before_push)
{
	/* ...; jb; lea 0x8(%rsp),%r11; push %rbp */
	static const uint8_t f[] = { CMP_RSP, 0x72, 0x2e, 0x4c, 0x8d,
				     0x5c,    0x24, 0x08, PUSH, MOV_RSP_RBP };

	CHECK(FIND(f).push == 16);
}

TEST(long_jump)
{
	static const uint8_t f[] = { CMP_RSP, 0x0f, 0x82, 1,	      2,
				     3,	      4,    PUSH, MOV_RSP_RBP };

	CHECK(FIND(f).push == 15);
}

TEST(mov_scheduled_later)
{
	/* push %rbp; mov runs(%rip),%rax; mov $..,%rdi; lea 1(%rax),%rsi;
	 * xor %eax,%eax; mov %rsp,%rbp (gcc 12, bad_drain) */
	static const uint8_t f[] = { CMP_RSP, 0x72, 0x3c, PUSH, 0x48,
				     0x8b,    0x05, 0x25, 0x83, 0x02,
				     0x00,    0x48, 0xc7, 0xc7, 0x68,
				     0xdd,    0x00, 0x80, 0x48, 0x8d,
				     0x70,    0x01, 0x31, 0xc0, MOV_RSP_RBP };
	struct frame_entry e = FIND(f);

	CHECK(e.push == 11 && e.set == 35);
}

TEST(no_check_at_all)
{
	static const uint8_t f[] = { PUSH, MOV_RSP_RBP, 0x48, 0x83, 0xec };

	CHECK(FIND(f).push == 0 && FIND(f).set == 4);
}

TEST(leaf_without_frame)
{
	/* cmp; jb; lea (%rdi,%rdi,1),%eax; ret */
	static const uint8_t f[] = {
		CMP_RSP, 0x72, 0x04, 0x8d, 0x04, 0x3f, 0xc3
	};
	static const uint8_t bare[] = { 0x8d, 0x04, 0x3f, 0xc3 };

	CHECK(FIND(f).push == -1);
	CHECK(FIND(bare).push == -1);
}

TEST(never_reads_past_n)
{
	static const uint8_t f[] = { CMP_RSP, 0x72, 0x1a, PUSH, MOV_RSP_RBP };

	CHECK(frame_entry_find(f, 14).push == -1); /* mov cut short */
	CHECK(frame_entry_find(f, 11).push == -1); /* no push */
	CHECK(frame_entry_find(f, 10).push == -1); /* jb cut short */
	CHECK(frame_entry_find(f, 0).push == -1);
}
