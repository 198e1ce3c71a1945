/*
 * xs_ring.c - the xenstore connection: two 1 KiB byte rings in the page
 * start_info->store_mfn names, and the event channel store_evtchn, both
 * set up by the domain builder before we run.
 *
 * The rules of the ring (xen/io/xs_wire.h): indexes run freely and are
 * masked on use; the producer writes the bytes, then (write barrier)
 * moves prod; the consumer reads prod, (read barrier) the bytes, then
 * (full barrier) moves cons; each side notifies the event channel after
 * moving an index, since the other may wait for data or for room. A
 * message is a byte stream: it may wrap, arrive in pieces, and be larger
 * than the ring, so both directions loop until the whole is through.
 *
 * The event handler only wakes threads. One reader thread takes every
 * message off the ring: replies go to the request with the same req_id
 * (several threads may wait at once), watch events to the xswatch
 * thread. Anything malformed - a length beyond XENSTORE_PAYLOAD_MAX, an
 * unknown type, indexes more than a ring apart - is reported and closes
 * the connection: the byte stream can no longer be trusted to resync.
 */
#include <pvmini/console.h>
#include <pvmini/evtchn.h>
#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/timer.h>
#include <pvmini/trace.h>
#include "mm/mm.h"
#include "xs_internal.h"

/* A request gives up after this long: xenstored is gone or wedged. */
#define XS_TIMEOUT_NS (10 * NSEC_PER_SEC)

struct xs_pending {
	uint32_t req_id, type;
	struct xsd_sockmsg hdr;
	char *reply;
	int err; /* set instead of a reply when it cannot come */
	bool done;
	struct wait_queue wq;
	struct xs_pending *next;
};

struct xs_stats xs_stats;
static struct xenstore_domain_interface *ring;
static evtchn_port_t port;
static struct wait_queue ring_wq = WAIT_QUEUE_INIT;
static struct mutex write_lock = MUTEX_INIT;
static struct xs_pending *pending;
static uint32_t next_req_id = 1;
static int broken; /* 0, or the errno every request now fails with */
/* From the heap at connect time: dom0 has no store and no use for it. */
static char *payload_buf;

static uint32_t load(volatile uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

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
}

static bool rsp_ready(void)
{
	return broken || load(&ring->rsp_prod) != ring->rsp_cons;
}

/* Copies n bytes out of the response ring, waiting for them. */
static int ring_read(void *dst, size_t n)
{
	char *out = dst;

	while (n) {
		uint32_t cons, avail, at, chunk;

		wait_event(ring_wq, rsp_ready());
		if (broken)
			return broken;
		cons = ring->rsp_cons;
		avail = load(&ring->rsp_prod) - cons;
		if (avail > XENSTORE_RING_SIZE) {
			printk("xenstore: response ring indexes %u apart: "
			       "rejected\n",
			       avail);
			return -XEN_EBADMSG;
		}
		at = MASK_XENSTORE_IDX(cons);
		chunk = avail < XENSTORE_RING_SIZE - at
				? avail
				: XENSTORE_RING_SIZE - at;
		if (chunk > n)
			chunk = (uint32_t)n;
		memcpy(out, ring->rsp + at, chunk);
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		ring->rsp_cons = cons + chunk;
		evtchn_notify(port);
		out += chunk;
		n -= chunk;
	}
	return 0;
}

static bool req_room(void)
{
	return broken || load(&ring->req_prod) - load(&ring->req_cons) <
				 XENSTORE_RING_SIZE;
}

/* Copies n bytes into the request ring, waiting for room. */
static int ring_write(const void *src, size_t n)
{
	const char *in = src;

	while (n) {
		uint32_t prod, used, at, chunk;

		wait_event(ring_wq, req_room());
		if (broken)
			return broken;
		prod = ring->req_prod;
		used = prod - load(&ring->req_cons);
		if (used > XENSTORE_RING_SIZE) {
			printk("xenstore: request ring indexes %u apart\n",
			       used);
			return -XEN_EBADMSG;
		}
		at = MASK_XENSTORE_IDX(prod);
		chunk = XENSTORE_RING_SIZE - used;
		if (chunk > XENSTORE_RING_SIZE - at)
			chunk = XENSTORE_RING_SIZE - at;
		if (chunk > n)
			chunk = (uint32_t)n;
		memcpy(ring->req + at, in, chunk);
		__atomic_thread_fence(__ATOMIC_RELEASE);
		ring->req_prod = prod + chunk;
		evtchn_notify(port);
		in += chunk;
		n -= chunk;
	}
	return 0;
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
		rc = ring_read(&h, sizeof(h));
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
			rc = ring_read(payload_buf, h.len);
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

	if (!p->done)
		finish(p, -XEN_ETIMEDOUT);
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
	/* Whole messages only: another thread's bytes must not interleave. */
	mutex_lock(&write_lock);
	rc = ring_write(msg, (size_t)size);
	mutex_unlock(&write_lock);
	kfree(msg);
	if (rc)
		finish(&p, rc);
	wait_event(p.wq, p.done);
	timer_cancel(&timeout);
	unlink_pending(&p);
	if (p.err == -XEN_ETIMEDOUT)
		printk("xenstore: no reply to request %u (type %u) in %lu s\n",
		       p.req_id, type, XS_TIMEOUT_NS / NSEC_PER_SEC);
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

int xs_ring_connect(void)
{
	struct thread *t;
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
	port = start_info->store_evtchn;
	rc = evtchn_bind_existing(port, ring_event, NULL);
	if (rc < 0) {
		printk("xenstore: event channel %u: %d\n", port, rc);
		ring = NULL;
		return rc;
	}
	t = thread_create_flags("xsread", reader, NULL, THREAD_NO_FPU);
	if (!t) {
		ring = NULL;
		return -XEN_ENOMEM;
	}
	trace_boot("xenstore: ring at %p (store mfn %#lx), event channel "
		   "%u, reader thread started",
		   ring, (unsigned long)start_info->store_mfn, port);
	return 0;
}
