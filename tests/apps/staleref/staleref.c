/*
 * staleref - the defect "a grant ref is reused after a close that timed
 * out while the stale ring-ref stays in xenstore" (correctness review,
 * issue 12 item 9), against QEMU's console backend.
 *
 * dom0 (tests/boot/data/backend-ctl.sh) makes the backend begin closing
 * - it unmaps our ring and says Closing - and then stops it, so that it
 * never says Closed. Our close then times out with ring-ref still naming
 * our grant in xenstore. A backend in that state may still map the ref
 * once it runs again, so the ref must stay ours: the next grant must get
 * another one, and the free count must not grow; the same holds for
 * the event channel's port. Then dom0 resumes the backend and the
 * device must open (on another port), carry a line and close cleanly.
 * Uses the public API only. Prints FAIL lines on any surprise.
 */
#include <pvmini.h>
#include <pvmini/page_alloc.h>

#define FE "device/console/1/"

static int failures;

#define EXPECT(cond, ...)                                                      \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printk("staleref: FAIL line %d: ", __LINE__);          \
			printk(__VA_ARGS__);                                   \
			printk("\n");                                          \
			failures++;                                            \
		}                                                              \
	} while (0)

/* Asks dom0's action for `step` and waits (at most 20 s) for its ack. */
static bool dom0_do(const char *step)
{
	char ack[32];

	printk("staleref: dom0, please %s\n", step);
	for (int i = 0; i < 400; i++) {
		if (xs_read(XS_TX_NONE, "data/dom0-ack", ack, sizeof(ack)) >=
			    0 &&
		    !strcmp(ack, step))
			return true;
		thread_sleep_ns(50 * NSEC_PER_MSEC);
	}
	EXPECT(false, "dom0 never did '%s'", step);
	return false;
}

/* A number we published under device/console/1/, or -errno. */
static long read_fe(const char *key)
{
	char path[64];
	unsigned long v;
	int rc;

	snprintf(path, sizeof(path), FE "%s", key);
	rc = xs_read_ulong(XS_TX_NONE, path, 0xffffffffUL, &v);
	return rc ? rc : (long)v;
}

int main(void)
{
	struct console_dev *c;
	unsigned int free_open, free_closed;
	long ref, port, stale, fresh, port2;
	uint64_t t0;
	void *page;
	int rc = console_dev_open_name("org.pvmini.test", &c);

	EXPECT(rc == 0, "open: %s", xs_error_name(rc));
	if (rc)
		return 1;
	ref = read_fe("ring-ref");
	port = read_fe("port");
	EXPECT(ref > 0 && port > 0, "ring-ref %ld, port %ld", ref, port);
	free_open = gnttab_free();
	printk("staleref: connected, ring-ref %ld\n", ref);

	if (!dom0_do("stop-at-closing"))
		return 1;
	t0 = monotonic_ns();
	rc = console_dev_close(c);
	printk("staleref: close with a stopped backend: %s after %lu ms\n",
	       rc ? xs_error_name(rc) : "0",
	       (unsigned long)((monotonic_ns() - t0) / NSEC_PER_MSEC));

	/* The backend never said Closed: whatever ring-ref names is not
	 * ours to give again. */
	stale = read_fe("ring-ref");
	free_closed = gnttab_free();
	page = alloc_pages(0);
	EXPECT(page != NULL, "no page");
	fresh = page ? gnttab_grant_access(0, page, true) : -1;
	printk("staleref: ring-ref still %ld; a new grant got ref %ld; "
	       "%u refs free before the close, %u after\n",
	       stale, fresh, free_open, free_closed);
	EXPECT(fresh > 0, "new grant: %ld", fresh);
	EXPECT(fresh != ref,
	       "ref %ld handed out again while the backend "
	       "may still map it",
	       ref);
	EXPECT(free_closed == free_open,
	       "the close returned ref %ld to the free list", ref);
	if (fresh > 0)
		gnttab_end_access((grant_ref_t)fresh);
	if (page)
		free_pages(page, 0);
	if (fresh != ref && free_closed == free_open)
		printk("staleref: ref %ld stays with the backend\n", ref);

	/* The backend catches up (it says Closed): the device opens anew. */
	if (!dom0_do("resume"))
		return 1;
	rc = console_dev_open_name("org.pvmini.test", &c);
	EXPECT(rc == 0, "reopen: %s", xs_error_name(rc));
	if (!rc) {
		/* The stopped backend could bind the old port number too. */
		port2 = read_fe("port");
		EXPECT(port2 > 0 && port2 != port,
		       "port %ld handed out again while the backend may "
		       "still bind it",
		       port);
		EXPECT(console_dev_write(c, "hello\n", 6) == 6, "write");
		rc = console_dev_close(c);
		EXPECT(rc == 0, "second close: %s", xs_error_name(rc));
		printk("staleref: reopened, wrote, closed\n");
	}
	printk("staleref: %s (%d failures)\n",
	       failures ? "FAILED" : "all passed", failures);
	return failures ? 1 : 0;
}
