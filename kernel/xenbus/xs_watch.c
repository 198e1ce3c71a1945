/*
 * xs_watch.c - xenstore watches. XS_WATCH registers (path, token) with
 * xenstored; it then sends an XS_WATCH_EVENT "path\0token\0" at once
 * and after every change at or below path - possibly before the
 * XS_WATCH reply, so a watch is listed before it is sent. The token is
 * how an event finds its watch.
 *
 * The reader thread must never run callbacks itself: a callback that
 * makes a request would wait for a reply only the reader can take off
 * the ring. Events are queued for the "xswatch" thread instead.
 */
#include <pvmini/console.h>
#include <pvmini/page_alloc.h>
#include <pvmini/thread.h>
#include "kernel/sched/freeze.h"
#include "xs_internal.h"

struct watch_event {
	struct watch_event *next;
	char *payload;
	uint32_t len;
};

static struct xs_watch *watches;
static struct watch_event *head, *tail;
static struct wait_queue events_wq = WAIT_QUEUE_INIT;
static unsigned long next_token = 1;

void xs_watch_deliver(char *payload, uint32_t len)
{
	struct watch_event *e = kmalloc(sizeof(*e));

	if (!e) {
		printk("xenstore: out of memory: watch event lost\n");
		kfree(payload);
		return;
	}
	*e = (struct watch_event){ NULL, payload, len };
	if (tail)
		tail->next = e;
	else
		head = e;
	tail = e;
	wake_all(&events_wq);
}

/* The watch whose callback runs now (it may block), and who waits for
 * it to finish: xs_unwatch, before the caller may free the watch. */
static struct xs_watch *running;
static struct wait_queue done_wq = WAIT_QUEUE_INIT;
static struct thread *watcher;

static struct xs_watch *find(const char *token)
{
	for (struct xs_watch *w = watches; w; w = w->next)
		if (!strcmp(w->token, token))
			return w;
	return NULL;
}

static void run_event(struct watch_event *e)
{
	const char *path, *token;
	struct xs_watch *w;

	if (xs_parse_watch_event(e->payload, e->len, &path, &token)) {
		xs_stats.rejected++;
		printk("xenstore: malformed watch event (%u bytes) dropped\n",
		       e->len);
		return;
	}
	w = find(token);
	/* No watch: it was removed while this event was on its way. */
	if (!w)
		return;
	running = w;
	w->fn(w, path);
	running = NULL;
	wake_all(&done_wq);
}

static void watch_thread(void *arg __unused)
{
	for (;;) {
		struct watch_event *e;

		wait_event(events_wq, head);
		e = head;
		head = e->next;
		if (!head)
			tail = NULL;
		run_event(e);
		kfree(e->payload);
		kfree(e);
	}
}

int xs_watch_start(void)
{
	/* With FPU state: callbacks are application code. */
	watcher = kthread_create("xswatch", watch_thread, NULL);
	if (!watcher) {
		printk("xenstore: no thread for watches\n");
		return -XEN_ENOMEM;
	}
	return 0;
}

static void unlink_watch(struct xs_watch *w)
{
	for (struct xs_watch **pp = &watches; *pp; pp = &(*pp)->next)
		if (*pp == w) {
			*pp = w->next;
			return;
		}
}

static int send(uint32_t type, struct xs_watch *w)
{
	struct xs_part p[2] = {
		{ w->path, strlen(w->path), true },
		{ w->token, strlen(w->token), true },
	};
	char *reply;
	uint32_t len;
	int rc = xs_request(type, XS_TX_NONE, p, 2, &reply, &len);

	if (!rc)
		kfree(reply);
	return rc;
}

int xs_watch(struct xs_watch *w, const char *path, xs_watch_fn fn, void *data)
{
	int rc;

	if (!xenstore_available())
		return -XEN_ENODEV;
	if (!fn || !path || (!xs_path_ok(path) && path[0] != '@'))
		return -XEN_EINVAL;
	w->path = path;
	w->fn = fn;
	w->data = data;
	snprintf(w->token, sizeof(w->token), "pvmini-%lu", next_token++);
	w->next = watches;
	watches = w;
	rc = send(XS_WATCH, w);
	if (rc)
		unlink_watch(w);
	return rc;
}

int xs_unwatch(struct xs_watch *w)
{
	int rc = send(XS_UNWATCH, w);

	unlink_watch(w);
	/* A callback of w that is blocked half-way (in a request, say)
	 * must end before the caller frees w and what w->data points to;
	 * unless the caller is that callback itself. */
	if (thread_current() != watcher)
		wait_event(done_wq, running != w);
	return rc;
}

/* A restored domain's xenstore connection is new and knows no watch:
 * each is set again under its own token (and fires once, as any new
 * watch does). */
int xs_watch_resume(void)
{
	int n = 0;

	for (struct xs_watch *w = watches; w; w = w->next, n++) {
		int rc = send(XS_WATCH, w);

		if (rc) {
			printk("xenstore: watch on %s could not be set again: "
			       "%s\n",
			       w->path, xs_error_name(rc));
			return rc;
		}
	}
	return n;
}
