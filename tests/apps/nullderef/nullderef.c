/*
 * nullderef - reads through a NULL pointer: the kernel must report a page
 * fault at address 0 with a symbolized backtrace and crash-stop.
 */
#include <pvmini.h>

/* volatile: the compiler may not see that it is NULL and fold the load. */
static int *volatile target;

__attribute__((noinline)) static int read_target(void)
{
	return *target;
}

int main(void)
{
	printk("nullderef: reading *%p\n", (void *)target);
	return read_target();
}
