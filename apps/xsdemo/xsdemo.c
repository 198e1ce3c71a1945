/*
 * xsdemo - xenstore from an application: prints this domain's id, name
 * and vm path, writes data/xsdemo/greeting, then watches
 * data/xsdemo/echo and echoes each value written there (by dom0:
 * `xenstore-write /local/domain/<domid>/data/xsdemo/echo hi`), for the
 * count given on the command line (default: forever).
 *
 * `data/` is the part of a domain's home the toolstack lets the domain
 * itself write; dom0 may write anywhere.
 */
#include <pvmini.h>

#define ECHO "data/xsdemo/echo"

static struct wait_queue echoed_wq = WAIT_QUEUE_INIT;
static unsigned long echoes;

static void on_echo(struct xs_watch *w __unused, const char *changed __unused)
{
	char value[128];
	int rc = xs_read(XS_TX_NONE, ECHO, value, sizeof(value));

	/* The watch fires once when set, before anyone wrote the key. */
	if (rc == -XEN_ENOENT)
		return;
	if (rc < 0) {
		printk("xsdemo: reading %s: %s\n", ECHO, xs_error_name(rc));
		return;
	}
	printk("xsdemo: echo: %s\n", value);
	echoes++;
	wake_all(&echoed_wq);
}

static int show(const char *key)
{
	char value[128];
	int rc = xs_read(XS_TX_NONE, key, value, sizeof(value));

	if (rc < 0) {
		printk("xsdemo: reading %s: %s\n", key, xs_error_name(rc));
		return rc;
	}
	printk("xsdemo: %s = %s\n", key, value);
	return 0;
}

int main(int argc, char **argv)
{
	static struct xs_watch watch;
	unsigned long count = 0;
	int domid, rc;

	if (argc > 2 || (argc == 2 && parse_ulong(argv[1], 1000000, &count))) {
		printk("usage: xsdemo [COUNT]  (echoes before exiting)\n");
		return 2;
	}
	if (!xenstore_available()) {
		printk("xsdemo: no xenstore (dom0?)\n");
		return 1;
	}
	domid = xs_domid();
	if (domid < 0) {
		printk("xsdemo: domid: %s\n", xs_error_name(domid));
		return 1;
	}
	printk("xsdemo: domid = %d\n", domid);
	if (show("name") || show("vm"))
		return 1;
	rc = xs_write(XS_TX_NONE, "data/xsdemo/greeting", "hello from pvmini");
	if (rc) {
		printk("xsdemo: write: %s\n", xs_error_name(rc));
		return 1;
	}
	printk("xsdemo: wrote /local/domain/%d/data/xsdemo/greeting\n", domid);
	rc = xs_watch(&watch, ECHO, on_echo, NULL);
	if (rc) {
		printk("xsdemo: watch: %s\n", xs_error_name(rc));
		return 1;
	}
	printk("xsdemo: ready, watching /local/domain/%d/%s\n", domid, ECHO);
	wait_event(echoed_wq, count && echoes >= count);
	xs_unwatch(&watch);
	printk("xsdemo: %lu echoes, done\n", echoes);
	return 0;
}
