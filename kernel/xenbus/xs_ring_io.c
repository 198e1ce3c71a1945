/*
 * xs_ring_io.c - bytes in and out of the xenstore rings
 * (kernel/xenbus/xs_ring_io.h). Pure logic.
 *
 * The rules of the ring (xen/io/xs_wire.h): indexes run freely and are
 * masked on use; the producer writes the bytes, then (write barrier)
 * moves prod; the consumer reads prod, (read barrier) the bytes, then
 * (full barrier: the bytes are read before the slot is handed back)
 * moves cons.
 */
#include "kernel/xenbus/xs_ring_io.h"

void xs_ring_io_init(struct xs_ring_io *r,
		     struct xenstore_domain_interface *intf)
{
	r->intf = intf;
	r->req_prod = intf->req_prod;
	r->rsp_cons = intf->rsp_cons;
	r->bad = 0;
}

static uint32_t load(const uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

/* Checks a distance between the daemon's index and ours. */
static long distance(struct xs_ring_io *r, uint32_t d)
{
	if (d > XENSTORE_RING_SIZE) {
		r->bad = d;
		return -XEN_EIO;
	}
	return d;
}

long xs_ring_readable(struct xs_ring_io *r)
{
	return distance(r, load(&r->intf->rsp_prod) - r->rsp_cons);
}

long xs_ring_writable(struct xs_ring_io *r)
{
	long used = distance(r, r->req_prod - load(&r->intf->req_cons));

	return used < 0 ? used : XENSTORE_RING_SIZE - used;
}

/* The part of [idx, idx + n) before the ring's end wraps. */
static size_t first_chunk(uint32_t idx, size_t n)
{
	size_t to_end = XENSTORE_RING_SIZE - MASK_XENSTORE_IDX(idx);

	return n < to_end ? n : to_end;
}

long xs_ring_read(struct xs_ring_io *r, void *dst, size_t n)
{
	long avail = xs_ring_readable(r);
	size_t len, a;

	if (avail < 0)
		return avail;
	len = n < (size_t)avail ? n : (size_t)avail;
	a = first_chunk(r->rsp_cons, len);
	memcpy(dst, r->intf->rsp + MASK_XENSTORE_IDX(r->rsp_cons), a);
	memcpy((char *)dst + a, r->intf->rsp, len - a);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	r->rsp_cons += (uint32_t)len;
	__atomic_store_n(&r->intf->rsp_cons, r->rsp_cons, __ATOMIC_RELEASE);
	return (long)len;
}

long xs_ring_write(struct xs_ring_io *r, const void *src, size_t n)
{
	long room = xs_ring_writable(r);
	size_t len, a;

	if (room < 0)
		return room;
	len = n < (size_t)room ? n : (size_t)room;
	a = first_chunk(r->req_prod, len);
	memcpy(r->intf->req + MASK_XENSTORE_IDX(r->req_prod), src, a);
	memcpy(r->intf->req, (const char *)src + a, len - a);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	r->req_prod += (uint32_t)len;
	__atomic_store_n(&r->intf->req_prod, r->req_prod, __ATOMIC_RELEASE);
	return (long)len;
}

long xs_ring_discard(struct xs_ring_io *r)
{
	long avail = xs_ring_readable(r);

	if (avail < 0)
		return avail;
	r->rsp_cons += (uint32_t)avail;
	__atomic_store_n(&r->intf->rsp_cons, r->rsp_cons, __ATOMIC_RELEASE);
	return avail;
}
