/*
 * xstest - the xenstore client and grant tables under real xenstored:
 * concurrent requests from several threads, error replies as error
 * codes, directory, mkdir/rm, permissions, transactions under
 * contention, then a page granted to dom0 and checked there
 * (tests/rig/gntcheck.c), with ending the grant refused while dom0
 * has it mapped. Prints FAIL lines on any surprise.
 */
#include <arch/layout.h>
#include <pvmini.h>
#include <pvmini/page_alloc.h>

#define THREADS 4
#define ROUNDS 25
#define BUMPS 10

static int failures;

#define EXPECT(cond, ...)                                                      \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printk("xstest: FAIL line %d: ", __LINE__);            \
			printk(__VA_ARGS__);                                   \
			printk("\n");                                          \
			failures++;                                            \
		}                                                              \
	} while (0)

static void worker(void *arg)
{
	unsigned long id = (unsigned long)arg;
	char path[32], want[32], got[32];

	snprintf(path, sizeof(path), "data/xstest/t%lu", id);
	for (int i = 0; i < ROUNDS; i++) {
		snprintf(want, sizeof(want), "t%lu-%d", id, i);
		int rc = xs_write(XS_TX_NONE, path, want);

		EXPECT(!rc, "write %s: %s", path, xs_error_name(rc));
		rc = xs_read(XS_TX_NONE, path, got, sizeof(got));
		EXPECT(rc == (int)strlen(want) && !strcmp(got, want),
		       "read %s: %d '%s', want '%s'", path, rc, got, want);
	}
}

static void concurrent(void)
{
	struct thread *t[THREADS];
	unsigned long before = xs_stats.requests;

	for (unsigned long i = 0; i < THREADS; i++)
		t[i] = thread_create("worker", worker, (void *)i);
	for (int i = 0; i < THREADS; i++)
		thread_join(t[i]);
	printk("xstest: %d threads x %d write+read: %lu requests, %lu "
	       "stray replies\n",
	       THREADS, ROUNDS, xs_stats.requests - before, xs_stats.stray);
}

static void errors(void)
{
	char small[4], buf[64];
	int rc;

	rc = xs_read(XS_TX_NONE, "data/xstest/nonexistent", buf, sizeof(buf));
	printk("xstest: read missing key: %s\n", xs_error_name(rc));
	rc = xs_write(XS_TX_NONE, "/local/domain/0/xstest", "x");
	printk("xstest: write to dom0's home: %s\n", xs_error_name(rc));
	rc = xs_read(XS_TX_NONE, "data//bad", buf, sizeof(buf));
	printk("xstest: bad path: %s\n", xs_error_name(rc));
	rc = xs_read(XS_TX_NONE, "name", small, sizeof(small));
	printk("xstest: value larger than the buffer: %s\n", xs_error_name(rc));
}

static void tree(int domid)
{
	char buf[256];
	const char *names[16];
	struct xs_perm perms[4],
		set[2] = { { (uint16_t)domid, 'n' }, { 0, 'r' } };
	int n, rc;

	rc = xs_mkdir(XS_TX_NONE, "data/xstest/dir");
	EXPECT(!rc, "mkdir: %s", xs_error_name(rc));
	n = xs_directory(XS_TX_NONE, "data/xstest", buf, sizeof(buf), names,
			 16);
	printk("xstest: directory data/xstest: %d entries:", n);
	for (int i = 0; i < n; i++)
		printk(" %s", names[i]);
	printk("\n");
	rc = xs_set_perms(XS_TX_NONE, "data/xstest/dir", set, 2);
	EXPECT(!rc, "set_perms: %s", xs_error_name(rc));
	n = xs_get_perms(XS_TX_NONE, "data/xstest/dir", perms, 4);
	printk("xstest: perms of data/xstest/dir:");
	for (int i = 0; i < n; i++)
		printk(" %c%u", perms[i].perm, perms[i].domid);
	printk("\n");
	rc = xs_rm(XS_TX_NONE, "data/xstest/dir");
	EXPECT(!rc, "rm: %s", xs_error_name(rc));
	rc = xs_read(XS_TX_NONE, "data/xstest/dir", buf, sizeof(buf));
	printk("xstest: after rm: %s\n", xs_error_name(rc));
}

static unsigned long attempts;

static int bump(xs_tx_t tx, void *arg __unused)
{
	char buf[16];
	int rc = xs_read(tx, "data/xstest/counter", buf, sizeof(buf));
	unsigned long v = 0;

	attempts++;
	if (rc < 0)
		return rc;
	if (parse_ulong(buf, ~0UL, &v))
		return -XEN_EBADMSG;
	thread_yield(); /* let the other thread's transaction interleave */
	return xs_printf(tx, "data/xstest/counter", "%lu", v + 1);
}

static void bumper(void *arg __unused)
{
	for (int i = 0; i < BUMPS; i++) {
		int rc = xs_transaction(bump, NULL);

		EXPECT(!rc, "transaction: %s", xs_error_name(rc));
	}
}

static void transactions(void)
{
	struct thread *a, *b;
	char buf[16];

	xs_write(XS_TX_NONE, "data/xstest/counter", "0");
	a = thread_create("bump-a", bumper, NULL);
	b = thread_create("bump-b", bumper, NULL);
	thread_join(a);
	thread_join(b);
	xs_read(XS_TX_NONE, "data/xstest/counter", buf, sizeof(buf));
	printk("xstest: 2 threads x %d transactional increments: counter = "
	       "%s\n",
	       BUMPS, buf);
	EXPECT(attempts >= 2 * BUMPS, "attempts %lu", attempts);
	printk("xstest: transactions redone after EAGAIN: %lu\n",
	       attempts - 2 * BUMPS);
}

/* --- xs_unwatch waits for a callback that is under way ---------------- */
static int slow_state; /* 1: the callback began, 2: it ended */

static void slow_callback(struct xs_watch *w __unused,
			  const char *changed __unused)
{
	slow_state = 1;
	thread_sleep_ns(200 * NSEC_PER_MSEC); /* as if blocked in a request */
	slow_state = 2;
}

static void unwatch_waits(void)
{
	static struct xs_watch w;
	int rc = xs_watch(&w, "data/xstest/slow", slow_callback, NULL);

	EXPECT(rc == 0, "watch: %s", xs_error_name(rc));
	/* The watch's first event starts the callback. */
	for (int i = 0; i < 2000 && slow_state != 1; i++)
		thread_sleep_ns(NSEC_PER_MSEC);
	EXPECT(slow_state == 1, "the callback never began");
	rc = xs_unwatch(&w);
	printk("xstest: unwatch during a callback: rc %d, callback %s\n", rc,
	       slow_state == 2 ? "ended first" : "RUNNING");
	EXPECT(slow_state == 2, "xs_unwatch returned under a callback");
}

/* --- grant tables: dom0's gntcheck maps the page ---------------------- */
static struct wait_queue gnt_wq = WAIT_QUEUE_INIT;
static char gnt_result[32];
static bool gnt_unmapped;

static void on_gnt(struct xs_watch *w __unused, const char *changed __unused)
{
	char buf[32];

	if (xs_read(XS_TX_NONE, "data/gnt-result", buf, sizeof(buf)) > 0 &&
	    !gnt_result[0])
		memcpy(gnt_result, buf, sizeof(buf));
	if (xs_read(XS_TX_NONE, "data/gnt-unmapped", buf, sizeof(buf)) > 0)
		gnt_unmapped = true;
	wake_all(&gnt_wq);
}

static void grants(void)
{
	static struct xs_watch watch;
	char *page = alloc_pages(0);
	int ref, rc;

	snprintf(page, PAGE_SIZE, "pvmini grant page, %lu ns", monotonic_ns());
	ref = gnttab_grant_access(0, page, true);
	EXPECT(ref >= 8, "grant: %d", ref);
	printk("xstest: grant: %u refs, %u free after one grant\n",
	       gnttab_size(), gnttab_free());
	rc = xs_watch(&watch, "data", on_gnt, NULL);
	EXPECT(!rc, "watch data: %s", xs_error_name(rc));
	xs_write(XS_TX_NONE, "data/gnt-text", page);
	xs_printf(XS_TX_NONE, "data/gnt-ref", "%d", ref);
	printk("xstest: grant: ref %d of a page holding '%s' ready\n", ref,
	       page);
	wait_event(gnt_wq, gnt_result[0]);
	printk("xstest: grant: dom0 says '%s'\n", gnt_result);
	rc = gnttab_end_access(ref);
	printk("xstest: grant: end access while mapped: %s\n",
	       xs_error_name(rc));
	wait_event(gnt_wq, gnt_unmapped);
	rc = gnttab_end_access(ref);
	printk("xstest: grant: end access after unmap: %d\n", rc);
	rc = gnttab_end_access(ref);
	printk("xstest: grant: end access again: %s\n", xs_error_name(rc));
	printk("xstest: grant: %u free\n", gnttab_free());
	xs_unwatch(&watch);
}

int main(void)
{
	int domid = xs_domid();

	printk("xstest: domid %d\n", domid);
	concurrent();
	errors();
	tree(domid);
	transactions();
	unwatch_waits();
	grants();
	printk("xstest: %lu requests, %lu replies, %lu watch events, %lu "
	       "rejected\n",
	       xs_stats.requests, xs_stats.replies, xs_stats.events,
	       xs_stats.rejected);
	printk(failures ? "xstest: %d failure(s)\n" : "xstest: all good\n",
	       failures);
	return failures != 0;
}
