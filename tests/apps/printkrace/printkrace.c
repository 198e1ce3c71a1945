/*
 * printkrace - printk from an event handler while a thread prints: a
 * timer callback prints a numbered line every TICK_NS while the main
 * thread prints LINES numbered lines as fast as the console takes them.
 * Each line carries a checksum of its number; the boot test's verify
 * script (tests/boot/data/printk-intact.sh) checks that every line of
 * both arrived once, in order, whole, and the console lived on.
 */
#include <pvmini.h>

#define LINES 3000
#define TICK_NS (100 * NSEC_PER_USEC)

static struct timer tick;
static unsigned long handler_lines;
static bool stop;

static unsigned long check(unsigned long n)
{
	return (n * 2654435761UL) % 1000003;
}

static void on_tick(struct timer *t)
{
	printk("printkrace: handler line %lu check %lu\n", handler_lines,
	       check(handler_lines));
	handler_lines++;
	if (!stop)
		timer_arm(t, monotonic_ns() + TICK_NS, on_tick, NULL);
}

int main(void)
{
	timer_arm(&tick, monotonic_ns() + TICK_NS, on_tick, NULL);
	for (unsigned long i = 0; i < LINES; i++)
		printk("printkrace: thread line %lu check %lu\n", i, check(i));
	stop = true;
	timer_cancel(&tick);
	printk("printkrace: %d thread lines, %lu handler lines\n", LINES,
	       handler_lines);
	return 0;
}
