/*
 * xs_ring.c - the xenstore connection: two 1 KiB byte rings in the page
 * start_info->store_mfn names, and the event channel store_evtchn, both
 * set up by the domain builder before we run. The bytes move through
 * kernel/xenbus/xs_ring_io.c (pure: the ring rules, hostile indexes);
 * this file waits, wakes and matches replies to requests. Each side
 * notifies the event channel after moving an index, since the other may
 * wait for data or for room. A message is a byte stream: it may wrap,
 * arrive in pieces, and be larger than the ring, so both directions
 * loop until the whole is through.
 *
 * The event handler only wakes threads. One reader thread takes every
 * message off the ring: replies go to the request with the same req_id
 * (several threads may wait at once), watch events to the xswatch
 * thread. Anything malformed - a length beyond XENSTORE_PAYLOAD_MAX, an
 * unknown type, indexes more than a ring apart - is reported and closes
 * the connection: the byte stream can no longer be trusted to resync.
 *
 * Every request is bounded by one deadline, XS_TIMEOUT_NS from its
 * start: waiting for its turn to write, for room in the ring (xenstored
 * wedged takes no bytes), and for its reply. A request that runs out of
 * time half-way through writing its message cannot take the bytes back:
 * the rest is owed, and the next writer sends it before its own, so the
 * stream stays whole for when xenstored comes back.
 */
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/timer.h>
#include <pvmini/trace.h>
#include "kernel/xenbus/xs_ring_io.h"
#include "mm/mm.h"
#include "kernel/sched/freeze.h"
#include "xs_internal.h"

/* A request gives up after this long: xenstored is gone or wedged. */
#define XS_TIMEOUT_NS (10 * NSEC_PER_SEC)

struct xs_pending {
	uint32_t req_id, type;
	struct xsd_sockmsg hdr;
	char *reply;
	int err; /* set instead of a reply when it cannot come */
	bool done;
	bool expired; /* its deadline passed (set by the timer) */
	struct wait_queue wq;
	struct xs_pending *next;
};

struct xs_stats xs_stats;
static struct xenstore_domain_interface *ring;
static struct xs_ring_io io;
static evtchn_port_t port;
static struct wait_queue ring_wq = WAIT_QUEUE_INIT;
/* One writer at a time, whole messages: no interleaved bytes. */
static bool writing;
static struct wait_queue writer_wq = WAIT_QUEUE_INIT;
/* The unsent rest of a message whose request ran out of time. */
static char *owed;
static size_t owed_len, owed_sent;
static struct xs_pending *pending;
static uint32_t next_req_id = 1;
static int broken; /* 0, or the errno every request now fails with */
/* From the heap at connect time: dom0 has no store and no use for it. */
static char *payload_buf;
/* A restore makes a new connection (xs_ring_reconnect): the message the
 * reader was half-way through is gone with the old one. */
static uint32_t generation;

static void ring_event(evtchn_port_t p __unused, void *data __unused)
{
	wake_all(&ring_wq);
}

static void finish(struct xs_pending *p, int err)
{
	p->err = err;
	p->done = true;
	wake_all(&p->wq);
}

static void close_connection(int err)
{
	broken = err;
	for (struct xs_pending *p = pending; p; p = p->next)
		if (!p->done)
			finish(p, err);
	wake_all(&ring_wq);
	wake_all(&writer_wq);
}

static int ring_corrupt(const char *which)
{
	printk("xenstore: %s ring indexes %u apart: rejected\n", which, io.bad);
	return -XEN_EIO;
}

/* Copies n bytes out of the response ring, waiting for them;
 * -XEN_EAGAIN if a restore replaced the connection (generation gen). */
static int ring_read(void *dst, size_t n, uint32_t gen)
{
	char *out = dst;

	while (n) {
		long got;

		wait_event(ring_wq, broken || gen != generation ||
					    xs_ring_readable(&io));
		if (broken)
			return broken;
		if (gen != generation)
			return -XEN_EAGAIN;
		got = xs_ring_read(&io, out, n);
		if (got < 0)
			return ring_corrupt("response");
		evtchn_notify(port);
		out += got;
		n -= (size_t)got;
	}
	return 0;
}

/* Writes src[*sent, n) into the request ring, waiting for room until
 * p's deadline. */
static int ring_write(const char *src, size_t n, size_t *sent,
		      const struct xs_pending *p)
{
	while (*sent < n) {
		long put;

		wait_event(ring_wq,
			   broken || p->expired || xs_ring_writable(&io));
		if (broken)
			return broken;
		if (p->expired)
			return -XEN_ETIMEDOUT;
		put = xs_ring_write(&io, src + *sent, n - *sent);
		if (put < 0) {
			close_connection(-XEN_EIO);
			return ring_corrupt("request");
		}
		evtchn_notify(port);
		*sent += (size_t)put;
	}
	return 0;
}

/*
 * Sends msg (size bytes, kmalloc'd; this takes it) for p: waits for its
 * turn, first sends what an earlier request left owed, then msg. If p's
 * deadline passes half-way through msg, the rest becomes owed.
 */
static int send(struct xs_pending *p, char *msg, size_t size)
{
	size_t sent = 0;
	int rc;

	wait_event(writer_wq, broken || p->expired || !writing);
	if (broken || p->expired) {
		kfree(msg);
		return broken ? broken : -XEN_ETIMEDOUT;
	}
	writing = true;
	rc = owed ? ring_write(owed, owed_len, &owed_sent, p) : 0;
	if (owed && !rc) {
		kfree(owed);
		owed = NULL;
	}
	if (!rc)
		rc = ring_write(msg, size, &sent, p);
	if (rc == -XEN_ETIMEDOUT && sent) {
		owed = msg;
		owed_len = size;
		owed_sent = sent;
	} else {
		kfree(msg);
	}
	writing = false;
	wake_all(&writer_wq);
	xs_gate_idle();
	return rc;
}

static struct xs_pending *find_pending(uint32_t req_id)
{
	for (struct xs_pending *p = pending; p; p = p->next)
		if (p->req_id == req_id && !p->done)
			return p;
	return NULL;
}

static void deliver(const struct xsd_sockmsg *h)
{
	struct xs_pending *p;
	char *copy = kmalloc(h->len + 1);

	if (copy) {
		memcpy(copy, payload_buf, h->len);
		copy[h->len] = '\0';
	}
	if (h->type == XS_WATCH_EVENT) {
		xs_stats.events++;
		if (copy)
			xs_watch_deliver(copy, h->len);
		else
			printk("xenstore: out of memory: watch event lost\n");
		return;
	}
	p = find_pending(h->req_id);
	if (!p) {
		/* A request that timed out, or a confused daemon. */
		xs_stats.stray++;
		printk("xenstore: reply with unknown req_id %u dropped\n",
		       h->req_id);
		kfree(copy);
		return;
	}
	xs_stats.replies++;
	p->hdr = *h;
	p->reply = copy;
	finish(p, copy ? 0 : -XEN_ENOMEM);
}

static void reader(void *arg __unused)
{
	struct xsd_sockmsg h;
	int rc;

	for (;;) {
		uint32_t gen = generation;

		rc = ring_read(&h, sizeof(h), gen);
		if (!rc) {
			rc = xs_check_header(&h);
			if (rc) {
				xs_stats.rejected++;
				printk("xenstore: malformed message from the "
				       "daemon (type %u, len %u): %s\n",
				       h.type, h.len, xs_error_name(rc));
			}
		}
		if (!rc)
			rc = ring_read(payload_buf, h.len, gen);
		if (rc == -XEN_EAGAIN)
			continue; /* a new connection: a message starts */
		if (rc) {
			printk("xenstore: connection closed (%s)\n",
			       xs_error_name(rc));
			close_connection(rc == -XEN_EBADMSG || rc == -XEN_E2BIG
						 ? -XEN_EIO
						 : rc);
			thread_exit();
		}
		deliver(&h);
	}
}

static void request_timeout(struct timer *t)
{
	struct xs_pending *p = t->data;

	p->expired = true;
	if (!p->done)
		finish(p, -XEN_ETIMEDOUT);
	/* It may be waiting for its turn or for room, not for a reply. */
	wake_all(&writer_wq);
	wake_all(&ring_wq);
}

static void unlink_pending(struct xs_pending *p)
{
	for (struct xs_pending **pp = &pending; *pp; pp = &(*pp)->next)
		if (*pp == p) {
			*pp = p->next;
			return;
		}
}

int xs_request(uint32_t type, xs_tx_t tx, const struct xs_part *parts,
	       unsigned int n, char **reply, uint32_t *len)
{
	struct xs_pending p = { .type = type, .wq = WAIT_QUEUE_INIT };
	struct timer timeout = { 0 };
	char *msg;
	int rc, size;

	if (!ring)
		return -XEN_ENODEV;
	xs_gate_pass(); /* a suspend holds new requests back */
	if (broken)
		return broken;
	msg = kmalloc(XS_MSG_MAX);
	if (!msg)
		return -XEN_ENOMEM;
	p.req_id = next_req_id++;
	size = xs_build(msg, XS_MSG_MAX, type, p.req_id, tx, parts, n);
	if (size < 0) {
		kfree(msg);
		return size;
	}
	/* Listed before it is sent: the reply may beat us back. */
	p.next = pending;
	pending = &p;
	xs_stats.requests++;
	timer_arm(&timeout, monotonic_ns() + XS_TIMEOUT_NS, request_timeout,
		  &p);
	rc = send(&p, msg, (size_t)size);
	if (rc) {
		if (p.done && !p.err) /* a reply to what was not sent */
			kfree(p.reply);
		finish(&p, rc);
	}
	wait_event(p.wq, p.done);
	timer_cancel(&timeout);
	unlink_pending(&p);
	xs_gate_idle();
	if (p.err == -XEN_ETIMEDOUT)
		printk("xenstore: %s request %u (type %u) in %lu s\n",
		       rc ? "could not send" : "no reply to", p.req_id, type,
		       XS_TIMEOUT_NS / NSEC_PER_SEC);
	if (p.err)
		return p.err;
	rc = xs_check_reply(&p.hdr, p.reply, type, p.req_id);
	if (rc) {
		if (rc == -XEN_EBADMSG) {
			xs_stats.rejected++;
			printk("xenstore: malformed reply (type %u, len %u) to "
			       "request %u (type %u): rejected\n",
			       p.hdr.type, p.hdr.len, p.req_id, type);
		}
		kfree(p.reply);
		return rc;
	}
	*reply = p.reply;
	*len = p.hdr.len;
	return 0;
}

static int start_reader(void)
{
	return thread_create_flags("xsread", reader, NULL,
				   THREAD_NO_FPU | THREAD_KERNEL)
		       ? 0
		       : -XEN_ENOMEM;
}

int xs_ring_connect(void)
{
	int rc;

	ring = mfn_to_virt(start_info->store_mfn);
	if (!ring) {
		printk("xenstore: store mfn %#lx is not mapped: no xenstore\n",
		       (unsigned long)start_info->store_mfn);
		return -XEN_EINVAL;
	}
	payload_buf = kmalloc(XENSTORE_PAYLOAD_MAX + 1);
	if (!payload_buf) {
		ring = NULL;
		return -XEN_ENOMEM;
	}
	xs_ring_io_init(&io, ring);
	port = start_info->store_evtchn;
	rc = evtchn_bind_existing(port, ring_event, NULL);
	if (rc < 0) {
		printk("xenstore: event channel %u: %d\n", port, rc);
		ring = NULL;
		return rc;
	}
	if (start_reader()) {
		ring = NULL;
		return -XEN_ENOMEM;
	}
	trace_boot("xenstore: ring at %p (store mfn %#lx), event channel "
		   "%u, reader thread started",
		   ring, (unsigned long)start_info->store_mfn, port);
	return 0;
}

/* A request answered is no longer in flight, though its thread (an app's,
 * held across a suspend: kernel/sched/freeze.h) has not taken it off the
 * list yet. */
bool xs_ring_quiet(bool *owes)
{
	*owes = !broken && owed;
	if (broken)
		return true;
	for (struct xs_pending *p = pending; p; p = p->next)
		if (!p->done)
			return false;
	return !writing;
}

/* A restored domain's new connection (xs_internal.h says what changes). */
void xs_ring_reconnect(void)
{
	long dropped;
	int rc;

	generation++;
	xs_ring_io_init(&io, ring);
	if ((dropped = xs_ring_discard(&io)))
		printk("xenstore: %ld bytes the old connection sent were "
		       "dropped\n",
		       dropped);
	port = start_info->store_evtchn;
	rc = evtchn_bind_existing(port, ring_event, NULL);
	if (rc < 0)
		printk("xenstore: event channel %u: %d\n", port, rc);
	if (broken && !start_reader())
		broken = 0;
	wake_all(&ring_wq);
}
