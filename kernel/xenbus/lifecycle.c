/*
 * lifecycle.c - how `xl shutdown` and `xl reboot` reach a PV domain.
 *
 * The toolstack writes the request into the domain's control/shutdown
 * node ("poweroff", "reboot", "suspend"; "halt" from older tools) - for
 * a PV domain libxl assumes a PV driver is listening and never falls
 * back to anything else. The guest acknowledges by clearing the node,
 * then ends itself with SCHEDOP_shutdown and the matching reason, which
 * is what xl reports and acts on (on_poweroff / on_reboot).
 *
 * control/feature-poweroff and feature-reboot say which requests we
 * honour, and feature-suspend once the suspend sequence (kernel/suspend.c,
 * a layer above) has registered its handler: "suspend" (xl save, xl
 * migrate) is handed to it, once per request. It acknowledges, or leaves
 * the node alone to refuse: the toolstack then withdraws the request
 * itself after its timeout (docs/suspend.md).
 */
#include <pvmini/console.h>
#include <pvmini/kernel.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/trace.h>
#include "xs_internal.h"

#define CONTROL "control/shutdown"

static struct xs_watch control_watch;
static struct shutdown_hook *hooks;
static void (*suspend_handler)(void);
/* "suspend" was handed over and the node has said nothing else since. */
static bool suspend_handed;
/* The watch's first event has been handled (or we gave up waiting). */
static bool settled;
static struct wait_queue settled_wq = WAIT_QUEUE_INIT;

void shutdown_hook_register(struct shutdown_hook *h)
{
	h->next = hooks;
	hooks = h;
}

static const struct {
	const char *request;
	unsigned int reason;
	const char *reason_name;
} requests[] = {
	{ "poweroff", SHUTDOWN_poweroff, "poweroff" },
	{ "halt", SHUTDOWN_poweroff, "poweroff" },
	{ "reboot", SHUTDOWN_reboot, "reboot" },
};

static void print_time(const char *what, uint64_t ns)
{
	printk("lifecycle: %s at %lu.%03lu s\n", what, ns / NSEC_PER_SEC,
	       ns % NSEC_PER_SEC / NSEC_PER_MSEC);
}

static void on_control(struct xs_watch *w __unused,
		       const char *changed __unused)
{
	char req[32];
	uint64_t seen;
	int rc = xs_read(XS_TX_NONE, CONTROL, req, sizeof(req));

	settled = true;
	wake_all(&settled_wq);
	if (rc < 0 || strcmp(req, "suspend"))
		suspend_handed = false;
	/* The first event comes with the watch; our own clear fires too. */
	if (rc <= 0) {
		if (rc < 0 && rc != -XEN_ENOENT)
			printk("lifecycle: reading %s: %s\n", CONTROL,
			       xs_error_name(rc));
		return;
	}
	seen = monotonic_ns();
	if (!strcmp(req, "suspend") && suspend_handler) {
		/* Once: a watch may fire again while it is being handled. */
		if (!suspend_handed) {
			suspend_handed = true;
			printk("lifecycle: request 'suspend' from the "
			       "toolstack\n");
			suspend_handler();
		}
		return;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(requests); i++) {
		if (strcmp(req, requests[i].request))
			continue;
		printk("lifecycle: request '%s' from the toolstack\n", req);
		print_time("request seen", seen);
		/* Acknowledge: the toolstack sees the node cleared. */
		rc = xs_write(XS_TX_NONE, CONTROL, "");
		if (rc)
			printk("lifecycle: clearing %s: %s\n", CONTROL,
			       xs_error_name(rc));
		for (struct shutdown_hook *h = hooks; h; h = h->next)
			h->fn(requests[i].reason, h->data);
		printk("lifecycle: hooks done, shutting down with reason "
		       "%s\n",
		       requests[i].reason_name);
		print_time("shutdown", monotonic_ns());
		/* It drains the console first. */
		domain_shutdown(requests[i].reason);
	}
	/* Not supported (suspend) or unknown: say so and withdraw it. */
	printk("lifecycle: request '%s' is not supported; ignored\n", req);
	xs_write(XS_TX_NONE, CONTROL, "");
}

void lifecycle_init(void)
{
	struct deadline d = { 0 };
	int rc = xs_write(XS_TX_NONE, "control/feature-poweroff", "1");

	if (!rc)
		rc = xs_write(XS_TX_NONE, "control/feature-reboot", "1");
	if (rc)
		printk("lifecycle: advertising control/feature-*: %s\n",
		       xs_error_name(rc));
	rc = xs_watch(&control_watch, CONTROL, on_control, NULL);
	if (rc) {
		printk("lifecycle: cannot watch %s: %s\n", CONTROL,
		       xs_error_name(rc));
		return;
	}
	/*
	 * xenstored answers a new watch with one event at once. Handle it
	 * before the app starts, so that the app never shares its first
	 * moments with boot work in the xswatch thread (bounded: 5 s).
	 */
	deadline_start(&d, &settled_wq, 5 * NSEC_PER_SEC);
	wait_event(settled_wq, settled || d.passed);
	deadline_stop(&d);
	trace_boot("lifecycle: watching %s; feature-poweroff and "
		   "feature-reboot written",
		   CONTROL);
}

void lifecycle_set_suspend_handler(void (*fn)(void))
{
	int rc = xs_write(XS_TX_NONE, "control/feature-suspend", "1");

	if (rc) {
		printk("lifecycle: advertising control/feature-suspend: %s\n",
		       xs_error_name(rc));
		return;
	}
	suspend_handler = fn;
	trace_boot("lifecycle: feature-suspend written: xl save and xl "
		   "restore work");
}
