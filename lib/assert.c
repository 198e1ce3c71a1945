/*
 * assert.c - the kernel's end of a failed ASSERT (lib/assert.h).
 *
 * lib is the bottom layer and may not call panic() up in kernel/xen, so
 * it says what failed and then executes ud2: the invalid-opcode trap
 * (arch/x86/traps.c) prints the registers and a backtrace from here and
 * crashes the domain, which is what panic() would have done. It works in
 * any context a trap does, even before the console is up (the message is
 * then lost, the crash is not).
 */
#include <pvmini/console.h>
#include "lib/assert.h"

__noreturn void assert_failed(const char *file, int line, const char *expr)
{
	printk("assertion failed: %s:%d: %s\n", file, line, expr);
	__builtin_trap();
}
