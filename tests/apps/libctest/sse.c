/*
 * sse.c - floating point (SSE) in app code while events interrupt it.
 * Timer callbacks run from the event upcall in the middle of this loop;
 * kernel code is general-registers-only, so the xmm registers the loop
 * keeps its sums in must come back untouched. Sums of k/2 are exact in
 * a double, so any clobbered register shows as a wrong sum.
 */
#include <stdint.h>
#include <stdio.h>

#include <pvmini/time.h>
#include <pvmini/timer.h>

#include "libctest.h"

#define TICK_NS (1 * NSEC_PER_MSEC)
#define RUN_NS (300 * NSEC_PER_MSEC)
#define TERMS 100000

static struct timer tick;
static volatile unsigned long ticks;

static void on_tick(struct timer *t)
{
	ticks++;
	timer_arm(t, monotonic_ns() + TICK_NS, on_tick, NULL);
}

static double half_sum(int n)
{
	double s = 0, h = 0.5;

	for (int k = 1; k <= n; k++)
		s += k * h;
	return s;
}

void check_sse(void)
{
	const double want = (double)TERMS * (TERMS + 1) / 4;
	uint64_t end = monotonic_ns() + RUN_NS;
	unsigned long loops = 0, wrong = 0;

	timer_arm(&tick, monotonic_ns() + TICK_NS, on_tick, NULL);
	while (monotonic_ns() < end) {
		if (half_sum(TERMS) != want)
			wrong++;
		loops++;
	}
	timer_cancel(&tick);
	check(!wrong, "float sums intact while timer events interrupt them");
	check(ticks > 0, "timer events arrived during the float loop");
	printf("sse: %lu float loops, %lu wrong, %s timer events in between\n",
	       loops, wrong, ticks > 0 ? "some" : "NO");
}
