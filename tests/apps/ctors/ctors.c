/*
 * ctors - constructors run before main, in priority order (lower first,
 * then those without a priority), as a C runtime runs them.
 */
#include <pvmini.h>

static char order[8];
static int n;

__attribute__((constructor(200))) static void second(void)
{
	order[n++] = 'b';
}

__attribute__((constructor(101))) static void first(void)
{
	order[n++] = 'a';
}

__attribute__((constructor)) static void last(void)
{
	order[n++] = 'c';
}

int main(void)
{
	printk("ctors: ran before main in order '%s'\n", order);
	return strcmp(order, "abc") ? 1 : 0;
}
