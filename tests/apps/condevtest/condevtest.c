/*
 * condevtest - console devices (kernel/console_dev*.c) against QEMU's
 * real backend, without a peer: listing and names, ENOENT for a console
 * that is not there, EBADMSG for malformed frontend nodes (the domain
 * owns its device/console/N directory, so it can break its own nodes),
 * EBUSY for a second open and for a frontend another instance holds,
 * write, read without waiting, close (releasing a blocked reader), and
 * reopening after a close.
 * Prints FAIL lines on any surprise.
 */
#include <pvmini.h>

#define FE "device/console/1/"

static int failures;

#define EXPECT(cond, ...)                                                      \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printk("condevtest: FAIL line %d: ", __LINE__);        \
			printk(__VA_ARGS__);                                   \
			printk("\n");                                          \
			failures++;                                            \
		}                                                              \
	} while (0)

/* Sets node to bad, opens console 1 expecting want, puts node back. */
static void open_with(const char *node, const char *bad, int want)
{
	struct console_dev *c = NULL;
	char saved[128];
	int rc = xs_read(XS_TX_NONE, node, saved, sizeof(saved));

	EXPECT(rc >= 0, "reading %s: %s", node, xs_error_name(rc));
	rc = xs_write(XS_TX_NONE, node, bad);
	EXPECT(rc == 0, "writing %s: %s", node, xs_error_name(rc));
	rc = console_dev_open(1, &c);
	EXPECT(rc == want, "open with %s = '%s': %s, wanted %s", node, bad,
	       xs_error_name(rc), xs_error_name(want));
	printk("condevtest: %s = '%s': %s\n", node, bad, xs_error_name(rc));
	if (!rc)
		console_dev_close(c);
	rc = xs_write(XS_TX_NONE, node, saved);
	EXPECT(rc == 0, "restoring %s: %s", node, xs_error_name(rc));
}

static long reader_got = -1;

/* Blocks in read (no peer sends anything) until the close ends it. */
static void reader(void *arg)
{
	char buf[16];

	reader_got = console_dev_read(arg, buf, sizeof(buf));
}

/* One connection: open, a second open refused, write, close - with a
 * reader blocked meanwhile, which the close must release first. */
static void session(const char *what)
{
	struct console_dev *c, *again;
	struct thread *t;
	char buf[16];
	int rc = console_dev_open(1, &c);

	EXPECT(rc == 0, "%s: open: %s", what, xs_error_name(rc));
	if (rc)
		return;
	rc = console_dev_open(1, &again);
	EXPECT(rc == -XEN_EBUSY, "%s: second open: %s", what,
	       xs_error_name(rc));
	EXPECT(console_dev_write(c, "hello\n", 6) == 6, "%s: write", what);
	EXPECT(console_dev_read_nowait(c, buf, sizeof(buf)) == 0,
	       "%s: input from nowhere", what);
	reader_got = -1;
	t = thread_create("reader", reader, c);
	EXPECT(t != NULL, "%s: reader thread", what);
	thread_sleep_ns(50 * NSEC_PER_MSEC); /* it blocks in the read */
	EXPECT(reader_got == -1, "%s: read returned %ld early", what,
	       reader_got);
	rc = console_dev_close(c);
	EXPECT(rc == 0, "%s: close: %s", what, xs_error_name(rc));
	if (t)
		thread_join(t);
	EXPECT(reader_got == 0, "%s: the blocked read got %ld, not 0", what,
	       reader_got);
	printk("condevtest: %s: opened, wrote, closed\n", what);
}

int main(void)
{
	struct console_dev *c;
	unsigned int ids[4];
	char name[64];
	int n = console_dev_list(ids, ARRAY_SIZE(ids)), rc;

	EXPECT(n == 1 && ids[0] == 1, "list: %d devices", n);
	rc = console_dev_name_of(1, name, sizeof(name));
	EXPECT(rc == 0 && !strcmp(name, "org.pvmini.test"), "name: %s",
	       rc ? xs_error_name(rc) : name);
	printk("condevtest: %d device(s); console 1 is '%s'\n", n, name);

	rc = console_dev_open(7, &c);
	EXPECT(rc == -XEN_ENOENT, "open 7: %s", xs_error_name(rc));
	rc = console_dev_open_name("org.pvmini.nosuch", &c);
	EXPECT(rc == -XEN_ENOENT, "open by a wrong name: %s",
	       xs_error_name(rc));

	open_with(FE "backend-id", "dom0", -XEN_EBADMSG);
	open_with(FE "backend-id", "70000", -XEN_EBADMSG);
	open_with(FE "backend", "local/domain/0/backend/console", -XEN_EBADMSG);
	open_with(FE "state", "4", -XEN_EBUSY);
	open_with(FE "state", "x", -XEN_EBADMSG);

	session("first");
	session("reopened");

	printk("condevtest: %s (%d failures)\n",
	       failures ? "FAILED" : "all passed", failures);
	return failures ? 1 : 0;
}
