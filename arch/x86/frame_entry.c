/*
 * frame_entry.c - recognising a function's entry code, as gcc emits it
 * for pvmini (frame pointers, -fsplit-stack). Pure: unit-tested.
 *
 * With -fsplit-stack every function starts with its stack check, then
 * builds its frame:
 *     [lea -N(%rsp),%r11]           only for frames of 256 bytes or more
 *     cmp %fs:0x70,%rsp | %r11      the limit (arch/x86/stack_limit.h)
 *     jb <call __morestack>
 *     [lea 8(%rsp),%r11]            functions with variable arguments
 *     push %rbp; mov %rsp,%rbp      the frame
 * A function that needs no stack has the check and no frame. gcc may move
 * instructions that do not touch the stack in between the push and the
 * mov; the mov is the first `48 89 e5` after the push (as the bytes of
 * another instruction it could come early; the backtrace would then show
 * one caller less, never a wrong one).
 */
#include <pvmini/lib.h>
#include "arch/x86/frame_entry.h"

static const uint8_t cmp_rsp[] = { 0x64, 0x48, 0x3b, 0x24, 0x25,
				   0x70, 0x00, 0x00, 0x00 };
static const uint8_t cmp_r11[] = { 0x64, 0x4c, 0x3b, 0x1c, 0x25,
				   0x70, 0x00, 0x00, 0x00 };
static const uint8_t mov_rsp_rbp[] = { 0x48, 0x89, 0xe5 };
#define PUSH_RBP 0x55

static bool at(const uint8_t *code, size_t n, size_t i, const uint8_t *what,
	       size_t len)
{
	return i + len <= n && !memcmp(code + i, what, len);
}

/* lea disp8(%rsp),%r11 (5 bytes) or lea disp32(%rsp),%r11 (8): length,
 * or 0 if something else is at i. */
static size_t lea_r11(const uint8_t *code, size_t n, size_t i)
{
	if (i + 4 > n || code[i] != 0x4c || code[i + 1] != 0x8d ||
	    code[i + 3] != 0x24)
		return 0;
	if (code[i + 2] == 0x5c)
		return i + 5 <= n ? 5 : 0;
	if (code[i + 2] == 0x9c)
		return i + 8 <= n ? 8 : 0;
	return 0;
}

/* The split-stack check at the start: its length, or 0 if none. */
static size_t stack_check(const uint8_t *code, size_t n)
{
	size_t i = 0, lea = lea_r11(code, n, 0);

	if (at(code, n, 0, cmp_rsp, sizeof(cmp_rsp)))
		i = sizeof(cmp_rsp);
	else if (lea && at(code, n, lea, cmp_r11, sizeof(cmp_r11)))
		i = lea + sizeof(cmp_r11);
	else
		return 0;
	if (i + 2 <= n && code[i] == 0x72) /* jb rel8 */
		return i + 2;
	if (i + 6 <= n && code[i] == 0x0f && code[i + 1] == 0x82) /* rel32 */
		return i + 6;
	return 0;
}

struct frame_entry frame_entry_find(const uint8_t *code, size_t n)
{
	struct frame_entry e = { -1, -1 };
	size_t i = stack_check(code, n);

	if (i)
		i += lea_r11(code, n, i);
	if (i >= n || code[i] != PUSH_RBP)
		return e;
	for (size_t mov = i + 1; mov < n; mov++) {
		if (at(code, n, mov, mov_rsp_rbp, sizeof(mov_rsp_rbp))) {
			e.push = (int)i;
			e.set = (int)(mov + sizeof(mov_rsp_rbp));
			break;
		}
	}
	return e;
}
