/*
 * xbtest - the xenbus frontend layer (kernel/xenbus/frontend.h) driven
 * directly, as a driver would, on console device 1 against QEMU's real
 * backend, whose misbehaviour dom0 stages on request
 * (tests/boot/data/backend-ctl.sh):
 *   - enumerating, reading a key, a missing backend-id (EBADMSG);
 *   - a backend state node holding junk (EBADMSG), a backend in Closing
 *     (ENOTCONN): nothing is published, everything is freed;
 *   - a backend that never answers (QEMU stopped): ETIMEDOUT, the close
 *     times out too, and the published ring and port stay with the
 *     backend (neither is handed out again);
 *   - the reopen once QEMU runs again (reset from Closed), with a
 *     feature key published in the same transaction, and a clean close.
 * Prints FAIL lines on any surprise.
 */
#include <pvmini.h>
#include <pvmini/page_alloc.h>
#include "kernel/xenbus/frontend.h"

static int failures;

#define EXPECT(cond, ...)                                                      \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printk("xbtest: FAIL line %d: ", __LINE__);            \
			printk(__VA_ARGS__);                                   \
			printk("\n");                                          \
			failures++;                                            \
		}                                                              \
	} while (0)

static struct xenbus_dev d;
static unsigned long events;
static unsigned int baseline;	/* free refs with no device open */
static evtchn_port_t kept_port; /* the silent backend's */

/* Asks dom0's action for `step` and waits (at most 20 s) for its ack. */
static bool dom0_do(const char *step)
{
	char ack[32];

	printk("xbtest: dom0, please %s\n", step);
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

/* Our key device/console/1/<key> into buf; its length or -errno. */
static int fe_read(const char *key, char *buf, size_t size)
{
	return xenbus_read_key("console", 1, key, buf, size);
}

static void on_event(evtchn_port_t port __unused, void *data __unused)
{
	events++;
}

/* What the console driver does: one ring, one port, connect. */
static int handshake(const struct xenbus_key *keys, unsigned int n,
		     uint64_t connect_ns)
{
	void *ring;
	int rc = xenbus_open(&d, "console", 1);

	if (rc)
		return rc;
	if (connect_ns)
		d.connect_ns = connect_ns;
	rc = xenbus_grant_ring(&d, "ring-ref", &ring);
	if (!rc)
		rc = xenbus_alloc_evtchn(&d, "port", on_event, NULL);
	return rc < 0 ? rc : xenbus_connect(&d, keys, n);
}

/* A handshake the backend refuses before anything is published. */
static void refused(const char *step, int want)
{
	char buf[16];
	int rc;

	if (!dom0_do(step))
		return;
	rc = handshake(NULL, 0, 0);
	EXPECT(rc == want, "%s: %s, wanted %s", step, xs_error_name(rc),
	       xs_error_name(want));
	EXPECT(fe_read("ring-ref", buf, sizeof(buf)) == -XEN_ENOENT,
	       "%s: ring-ref published", step);
	EXPECT(fe_read("state", buf, sizeof(buf)) == 1 && buf[0] == '1',
	       "%s: our state is '%s'", step, buf);
	xenbus_release(&d);
	EXPECT(gnttab_free() == baseline, "%s: %u refs free, not %u", step,
	       gnttab_free(), baseline);
	printk("xbtest: backend %s: %s; nothing published, ring freed\n", step,
	       xs_error_name(rc));
	dom0_do("initwait");
}

static void enumerate(void)
{
	unsigned int ids[4];
	char name[32], saved[16];
	int n = xenbus_list("console", ids, ARRAY_SIZE(ids));
	int none = xenbus_list("vif", ids + 1, 1), rc;

	EXPECT(n == 1 && ids[0] == 1, "console devices: %d", n);
	EXPECT(none == 0, "vif devices: %d", none);
	rc = fe_read("name", name, sizeof(name));
	EXPECT(rc > 0 && !strcmp(name, "org.pvmini.test"), "name: %s",
	       rc < 0 ? xs_error_name(rc) : name);
	printk("xbtest: %d console device(s), %d vif; console 1 is '%s'\n", n,
	       none, name);

	/* A backend with no backend-id is malformed, not absent. */
	rc = fe_read("backend-id", saved, sizeof(saved));
	EXPECT(rc > 0, "backend-id: %s", xs_error_name(rc));
	EXPECT(xs_rm(XS_TX_NONE, "device/console/1/backend-id") == 0, "rm");
	rc = xenbus_open(&d, "console", 1);
	EXPECT(rc == -XEN_EBADMSG, "open without backend-id: %s",
	       xs_error_name(rc));
	xenbus_release(&d);
	EXPECT(xs_write(XS_TX_NONE, "device/console/1/backend-id", saved) == 0,
	       "restoring backend-id");
	printk("xbtest: without backend-id: %s\n", xs_error_name(rc));
	rc = xenbus_open(&d, "console", 7);
	EXPECT(rc == -XEN_ENOENT, "console 7: %s", xs_error_name(rc));
	xenbus_release(&d);
}

/* QEMU stopped: no answer to Initialised, none to the close either. */
static void silent(void)
{
	char buf[16];
	uint64_t t0 = monotonic_ns(), ms;
	int rc;

	if (!dom0_do("stop"))
		return;
	rc = handshake(NULL, 0, 3 * NSEC_PER_SEC);
	ms = (monotonic_ns() - t0) / NSEC_PER_MSEC;
	EXPECT(rc == -XEN_ETIMEDOUT, "silent: %s", xs_error_name(rc));
	EXPECT(fe_read("state", buf, sizeof(buf)) == 1 && buf[0] == '6',
	       "silent: our state is '%s', not Closed", buf);
	EXPECT(fe_read("ring-ref", buf, sizeof(buf)) > 0,
	       "silent: ring-ref gone: the backend was never told");
	kept_port = d.ports[0].port;
	xenbus_release(&d);
	EXPECT(gnttab_free() == baseline - 1,
	       "silent: %u refs free: the published one was not kept",
	       gnttab_free());
	printk("xbtest: silent backend: %s after %lu ms; ring-ref %s kept\n",
	       xs_error_name(rc), (unsigned long)ms, buf);
	dom0_do("resume");
}

/* The device was left Closed: reset, and a feature key in the same
 * transaction as the ring. */
static void reopen(void)
{
	static const struct xenbus_key keys[] = { { "feature-xbtest", "1" } };
	char buf[16];
	unsigned long ref;
	int rc = handshake(keys, ARRAY_SIZE(keys), 0);

	EXPECT(rc == 0, "reopen: %s", xs_error_name(rc));
	if (rc) {
		xenbus_release(&d);
		return;
	}
	EXPECT(fe_read("state", buf, sizeof(buf)) == 1 && buf[0] == '4',
	       "reopen: our state is '%s'", buf);
	EXPECT(fe_read("feature-xbtest", buf, sizeof(buf)) == 1 &&
		       buf[0] == '1',
	       "reopen: feature key");
	EXPECT(xs_read_ulong(XS_TX_NONE, "device/console/1/ring-ref", 1U << 20,
			     &ref) == 0 &&
		       ref == d.rings[0].refs[0],
	       "reopen: ring-ref %lu", ref);
	EXPECT(d.ports[0].port != kept_port,
	       "reopen: port %u handed out again while the silent backend "
	       "may still bind it",
	       kept_port);
	printk("xbtest: reopened from Closed: Connected, ring-ref %lu and "
	       "feature-xbtest published; port %u, not the kept %u\n",
	       ref, d.ports[0].port, kept_port);
	rc = xenbus_close(&d);
	EXPECT(rc == 0, "close: %s", xs_error_name(rc));
	EXPECT(fe_read("ring-ref", buf, sizeof(buf)) == -XEN_ENOENT &&
		       fe_read("feature-xbtest", buf, sizeof(buf)) ==
			       -XEN_ENOENT,
	       "close: keys left in xenstore");
	xenbus_release(&d);
	EXPECT(gnttab_free() == baseline - 1, "close: %u refs free",
	       gnttab_free());
	printk("xbtest: closed: keys removed, ring freed\n");
}

int main(void)
{
	void *page = alloc_pages(0);
	int ref = page ? gnttab_grant_access(0, page, true) : -1;

	/* The grant table is set up on first use: count from there. */
	EXPECT(ref > 0 && gnttab_end_access((grant_ref_t)ref) == 0, "grant");
	free_pages(page, 0);
	baseline = gnttab_free();

	enumerate();
	refused("junk", -XEN_EBADMSG);
	refused("closing", -XEN_ENOTCONN);
	silent();
	reopen();
	printk("xbtest: %s (%d failures)\n", failures ? "FAILED" : "all passed",
	       failures);
	return failures ? 1 : 0;
}
