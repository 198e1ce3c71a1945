/*
 * handlerfp - event handlers and timer callbacks that do floating point
 * must not disturb the thread they interrupt. A timer callback every
 * millisecond keeps a moving average (avg = avg * 0.9 + x * 0.1, in
 * %xmm0/%xmm1) and a long double one (x87), and notifies a loopback port
 * whose handler does the same; meanwhile main sums k/2 for k = 1..N in
 * SSE registers, then in x87 registers, then in SSE with a hypercall
 * every 256 terms. Those sums are exact, so a single clobbered register
 * shows as a wrong sum.
 */
#include <pvmini.h>
#include <pvmini/evtchn.h>
#include <pvmini/timer.h>

#define TICK_NS (1 * NSEC_PER_MSEC)
#define RUN_NS (300 * NSEC_PER_MSEC)
#define TERMS 100000

static struct timer tick;
static evtchn_port_t far;
static volatile unsigned long ticks, events;
static volatile double avg, samples[2] = { 1.0, 2.0 };
static volatile long double avg_x87;

/* What a user writes in a callback: a little floating point. */
static void smooth(int which)
{
	double x = samples[which];

	avg = avg * 0.9 + x * 0.1;
	avg_x87 = avg_x87 * 0.9L + (long double)x * 0.1L;
}

static void on_event(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	events++;
	smooth(1);
}

static void on_tick(struct timer *t)
{
	ticks++;
	smooth(0);
	evtchn_notify(far);
	timer_arm(t, monotonic_ns() + TICK_NS, on_tick, NULL);
}

/*
 * With hypercalls inside (every `hc_every` terms), upcalls arrive mostly
 * at their return, in the hypercall page, where the kernel does not save
 * the FPU state: the sum must then not be in a register across the call.
 */
static double half_sum(int n, int hc_every)
{
	double s = 0, h = 0.5;

	for (int k = 1; k <= n; k++) {
		s += k * h;
		if (hc_every && !(k % hc_every))
			xen_version(XENVER_version, NULL);
	}
	return s;
}

static long double half_sum_x87(int n)
{
	long double s = 0, h = 0.5L;

	for (int k = 1; k <= n; k++)
		s += k * h;
	return s;
}

enum loop { SSE, X87, HYPERCALLS };

static bool sum_ok(enum loop kind)
{
	const double want = (double)TERMS * (TERMS + 1) / 4;

	switch (kind) {
	case SSE:
		return half_sum(TERMS, 0) == want;
	case X87:
		return half_sum_x87(TERMS) == want;
	default:
		return half_sum(TERMS, 256) == want;
	}
}

static unsigned long run(enum loop kind, unsigned long *loops)
{
	uint64_t end = monotonic_ns() + RUN_NS;
	unsigned long wrong = 0;

	*loops = 0;
	while (monotonic_ns() < end) {
		if (!sum_ok(kind))
			wrong++;
		(*loops)++;
	}
	return wrong;
}

int main(void)
{
	int a = evtchn_alloc_unbound(DOMID_SELF, on_event, NULL);
	int b = a < 0 ? a
		      : evtchn_bind_interdomain(DOMID_SELF, a, on_event, NULL);
	unsigned long loops, wrong, wrong_x87, loops_x87, saves, wrong_hc,
		loops_hc;

	if (b < 0) {
		printk("handlerfp: FAIL loopback: %d\n", b);
		return 1;
	}
	far = a;
	saves = event_stats.fpu_saves;
	timer_arm(&tick, monotonic_ns() + TICK_NS, on_tick, NULL);
	wrong = run(SSE, &loops);
	wrong_x87 = run(X87, &loops_x87);
	wrong_hc = run(HYPERCALLS, &loops_hc);
	timer_cancel(&tick);
	saves = event_stats.fpu_saves - saves;
	printk("handlerfp: sse: %lu loops, %lu wrong; x87: %lu loops, %lu "
	       "wrong; %lu timer callbacks, %lu event handlers\n",
	       loops, wrong, loops_x87, wrong_x87, ticks, events);
	/* Upcalls that came in the middle of the loops, not at a hypercall
	 * return: where the interrupted registers were live. */
	printk("handlerfp: %lu upcalls saved the FPU state\n", saves);
	printk("handlerfp: with hypercalls: %lu loops, %lu wrong\n", loops_hc,
	       wrong_hc);
	/* The handlers' own arithmetic: both averages sit between 1 and 2. */
	if (!(avg > 1.0 && avg < 2.0) || !(avg_x87 > 1.0L && avg_x87 < 2.0L)) {
		printk("handlerfp: FAIL handler averages out of range\n");
		return 1;
	}
	if (wrong || wrong_x87 || wrong_hc || ticks < 100 || events < 100 ||
	    saves < 10) {
		printk("handlerfp: FAIL\n");
		return 1;
	}
	printk("handlerfp: interrupted float sums intact\n");
	return 0;
}
