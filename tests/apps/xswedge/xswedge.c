/*
 * xswedge - xenstore requests stay bounded when xenstored is wedged.
 * A dom0 action SIGSTOPs xenstored (and SIGCONTs it 15 s later); the
 * guest then writes a 2000-byte value, twice what the 1 KiB
 * request ring holds, so the write itself cannot finish. A second
 * thread's read queues behind it. Both must give up after their 10 s,
 * not when xenstored comes back; then, once it is back, the byte stream
 * must still be whole: the next request goes through and the value
 * written before the timeout is there.
 */
#include <pvmini.h>

#define BIG 2000 /* xenstored's default limit on a value: 2048 */
#define SEC(ns) ((ns) / NSEC_PER_SEC), ((ns) % NSEC_PER_SEC / 100000000)

static char big[BIG + 1], back[BIG + 1];
static int failures;

static const char *name(int rc)
{
	if (rc == -XEN_ETIMEDOUT) /* ours, never on the wire */
		return "ETIMEDOUT";
	return rc ? xs_error_name(rc) : "OK";
}

static void fail(const char *what)
{
	printk("xswedge: FAIL: %s\n", what);
	failures++;
}

static int queued_rc;
static uint64_t queued_ns;

static void queued_read(void *arg __unused)
{
	char buf[16];
	uint64_t t0;

	thread_sleep_ns(2 * NSEC_PER_SEC); /* the big write blocks by now */
	t0 = monotonic_ns();
	queued_rc = xs_read(XS_TX_NONE, "data/xswedge/small", buf, sizeof(buf));
	queued_ns = monotonic_ns() - t0;
}

int main(void)
{
	struct thread *t;
	uint64_t t0, ns;
	int rc, tries = 0;

	for (int i = 0; i < BIG; i++)
		big[i] = 'a' + i % 26;
	rc = xs_write(XS_TX_NONE, "data/xswedge/small", "x");
	printk("xswedge: xenstore answers: %s\n", name(rc));
	printk("xswedge: stop xenstored now\n");
	/* Until the action has stopped it, the write goes through. */
	do {
		thread_sleep_ns(NSEC_PER_SEC);
		t = thread_create("queued", queued_read, NULL);
		t0 = monotonic_ns();
		rc = xs_write(XS_TX_NONE, "data/xswedge/big", big);
		ns = monotonic_ns() - t0;
		thread_join(t);
	} while (!rc && ++tries < 20);
	printk("xswedge: %d-byte write with xenstored stopped: %s after "
	       "%lu.%lu s\n",
	       BIG, name(rc), SEC(ns));
	printk("xswedge: a read queued behind it: %s after %lu.%lu s\n",
	       name(queued_rc), SEC(queued_ns));
	if (rc != -XEN_ETIMEDOUT || ns > 12 * NSEC_PER_SEC)
		fail("the write is not bounded by the 10 s timeout");
	if (queued_rc != -XEN_ETIMEDOUT || queued_ns > 12 * NSEC_PER_SEC)
		fail("the queued read is not bounded by its 10 s timeout");

	/* xenstored comes back: the stream must be whole. */
	t0 = monotonic_ns();
	tries = 0;
	do
		rc = xs_read(XS_TX_NONE, "data/xswedge/big", back,
			     sizeof(back));
	while (rc == -XEN_ETIMEDOUT && ++tries < 6);
	printk("xswedge: after xenstored is back (%lu.%lu s, %d timeouts): "
	       "read %s, %s\n",
	       SEC(monotonic_ns() - t0), tries,
	       rc < 0 ? xs_error_name(rc) : "ok",
	       rc == BIG && !memcmp(back, big, BIG) ? "the value written "
						      "before the timeout"
						    : "NOT the value written");
	if (rc != BIG || memcmp(back, big, BIG))
		fail("the stream did not survive the timeout");
	printk("xswedge: %lu stray replies\n", xs_stats.stray);
	printk("xswedge: %s\n", failures ? "FAILED" : "all good");
	return failures ? 1 : 0;
}
