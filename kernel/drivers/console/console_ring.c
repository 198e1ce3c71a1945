/*
 * cons_ring.c - copying into and out of a console page's two rings
 * (kernel/drivers/console/console_ring.h). Used by the domU console
 * (console_ring.c) and by every further console (console_dev.c).
 *
 * Each side reads the other's index with an acquire load: the bytes it
 * then reads (input) or overwrites (output slots handed back) are the
 * ones the other side finished with before publishing that index. Our
 * own index is read plainly (only we write it) and published with a
 * release store once the bytes are in place.
 */
#include "kernel/drivers/console/console_ring.h"

#define OUT_SIZE sizeof(((struct xencons_interface *)0)->out)
#define IN_SIZE sizeof(((struct xencons_interface *)0)->in)

long cons_ring_out_used(const struct xencons_interface *r)
{
	XENCONS_RING_IDX cons = __atomic_load_n(&r->out_cons, __ATOMIC_ACQUIRE);
	XENCONS_RING_IDX used = r->out_prod - cons;

	return used > OUT_SIZE ? -XEN_EIO : (long)used;
}

long cons_ring_write(struct xencons_interface *r, const void *buf, size_t n)
{
	long used = cons_ring_out_used(r);
	XENCONS_RING_IDX prod = r->out_prod;
	const char *p = buf;
	size_t room, done;

	if (used < 0)
		return used;
	room = OUT_SIZE - (size_t)used;
	if (n > room)
		n = room;
	for (done = 0; done < n; done++)
		r->out[MASK_XENCONS_IDX(prod + done, r->out)] = p[done];
	__atomic_store_n(&r->out_prod, prod + (XENCONS_RING_IDX)n,
			 __ATOMIC_RELEASE);
	return (long)n;
}

long cons_ring_in_avail(const struct xencons_interface *r)
{
	XENCONS_RING_IDX prod = __atomic_load_n(&r->in_prod, __ATOMIC_ACQUIRE);
	XENCONS_RING_IDX avail = prod - r->in_cons;

	return avail > IN_SIZE ? -XEN_EIO : (long)avail;
}

long cons_ring_read(struct xencons_interface *r, void *buf, size_t n)
{
	XENCONS_RING_IDX prod = __atomic_load_n(&r->in_prod, __ATOMIC_ACQUIRE);
	XENCONS_RING_IDX cons = r->in_cons;
	char *p = buf;
	size_t got = 0;

	if (prod - cons > IN_SIZE) {
		/* Nothing in there can be trusted: start over from prod. */
		__atomic_store_n(&r->in_cons, prod, __ATOMIC_RELEASE);
		return -XEN_EIO;
	}
	while (cons != prod && got < n)
		p[got++] = r->in[MASK_XENCONS_IDX(cons++, r->in)];
	__atomic_store_n(&r->in_cons, cons, __ATOMIC_RELEASE);
	return (long)got;
}
