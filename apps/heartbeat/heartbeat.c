/*
 * heartbeat - one line per second: the monotonic time since boot, the
 * gap since the previous line and the wall-clock date, for the count
 * given on the command line (default: forever).
 *
 * Each beat sleeps until an absolute deadline (start + n seconds), so
 * the beats do not drift however long printing takes; between beats the
 * vCPU is blocked in Xen.
 *
 * `xl shutdown` / `xl reboot` end it cleanly (kernel/xenbus/lifecycle.c); its
 * shutdown hook says how many beats it made first. `xl save` / `xl
 * restore` / `xl save -c` (docs/suspend.md) do not disturb it: its
 * suspend hook says when it goes and comes back, and the beats due while
 * the domain was away come at once after it, on the same grid. The
 * kernel holds app threads from the suspend hook to the resume hook; a
 * beat in between would say so.
 */
#include <pvmini.h>
#include <pvmini/thread.h>

static unsigned long beats;

static void on_shutdown(unsigned int reason, void *data __unused)
{
	printk("heartbeat: stopping after %lu beats (shutdown reason %u)\n",
	       beats, reason);
}

static struct shutdown_hook hook = { .fn = on_shutdown };

static uint64_t suspended_at;
static bool between_hooks;

static int on_suspend(void *data __unused)
{
	printk("heartbeat: suspending after %lu beats\n", beats);
	suspended_at = monotonic_ns();
	between_hooks = true;
	return 0;
}

/* The downtime as the app sees it: from its hook before to its hook
 * after, in monotonic time, which counts the time away. */
static void on_resume(void *data __unused, bool cancelled)
{
	uint64_t ms = (monotonic_ns() - suspended_at) / NSEC_PER_MSEC;

	between_hooks = false;
	printk("heartbeat: resumed in %s after %lu beats, %lu ms after its "
	       "suspend hook\n",
	       cancelled ? "the same domain" : "a new domain", beats,
	       (unsigned long)ms);
}

static struct suspend_hook save_hook = { .name = "heartbeat",
					 .suspend = on_suspend,
					 .resume = on_resume };

int main(int argc, char **argv)
{
	unsigned long count = 0; /* 0: forever */
	uint64_t start, prev, now;

	if (argc > 2 ||
	    (argc == 2 && parse_ulong(argv[1], 1000000000, &count))) {
		printk("usage: heartbeat [COUNT]  (a number; none: forever)\n");
		return 2;
	}
	shutdown_hook_register(&hook);
	suspend_hook_register(&save_hook);
	start = prev = monotonic_ns();
	for (unsigned long n = 1; !count || n <= count; n++) {
		uint64_t wall;
		char date[40];

		thread_sleep_until(start + n * NSEC_PER_SEC);
		if (between_hooks)
			printk("heartbeat %lu: ran between the suspend and the "
			       "resume hook\n",
			       n);
		now = monotonic_ns();
		wall = wallclock_ns();
		format_utc(date, sizeof(date), wall / NSEC_PER_SEC);
		printk("heartbeat %lu: uptime %lu.%03lu s (+%lu.%03lu s), %s\n",
		       n, now / NSEC_PER_SEC,
		       now % NSEC_PER_SEC / NSEC_PER_MSEC,
		       (now - prev) / NSEC_PER_SEC,
		       (now - prev) % NSEC_PER_SEC / NSEC_PER_MSEC, date);
		prev = now;
		beats = n;
	}
	now = monotonic_ns();
	printk("heartbeat: %lu beats in %lu.%03lu s\n", count,
	       (now - start) / NSEC_PER_SEC,
	       (now - start) % NSEC_PER_SEC / NSEC_PER_MSEC);
	return 0;
}
