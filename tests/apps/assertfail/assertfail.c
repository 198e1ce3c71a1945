/*
 * assertfail - trips a kernel ASSERT (lib/assert.h): the kernel must say
 * which file, line and expression, print a backtrace and crash-stop.
 */
#include <pvmini.h>
#include "lib/assert.h"

/* volatile: the compiler may not fold the check away. */
static volatile int answer = 41;

__attribute__((noinline)) static void check_answer(void)
{
	ASSERT(answer == 42);
}

int main(void)
{
	printk("assertfail: checking answer == 42 with answer = %d\n", answer);
	check_answer();
	printk("assertfail: still running after a false ASSERT\n");
	return 0;
}
