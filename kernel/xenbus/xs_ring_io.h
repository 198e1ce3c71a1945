/*
 * xs_ring_io.h - moving bytes through the two 1 KiB rings of the
 * xenstore page (kernel/xenbus/xs_ring_io.c): pure, no waiting and no
 * event channel, unit-tested and fuzzed on the host with hostile
 * indexes (tests/unit/test_xs_ring_io.c).
 *
 * The page is shared with xenstored, which may write anything into it
 * at any time. So our own indexes (req_prod, rsp_cons) are kept here and
 * only copied out to the page, each index of the daemon's is read once
 * per call, and an impossible distance between the two - more than a
 * ring apart, which includes "behind us" - is -XEN_EIO: the byte stream
 * cannot be trusted any more. Every access to the rings is masked, so
 * nothing outside them is read or written whatever the indexes say.
 */
#ifndef KERNEL_XENBUS_XS_RING_IO_H
#define KERNEL_XENBUS_XS_RING_IO_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

struct xs_ring_io {
	struct xenstore_domain_interface *intf;
	uint32_t req_prod, rsp_cons; /* ours; the page only gets copies */
	uint32_t bad; /* the impossible distance -XEN_EIO came from */
};

/* Starts from the indexes the page holds (the builder's zeros). */
void xs_ring_io_init(struct xs_ring_io *r,
		     struct xenstore_domain_interface *intf);

/* Bytes ready to read / room to write; -XEN_EIO for impossible indexes. */
long xs_ring_readable(struct xs_ring_io *r);
long xs_ring_writable(struct xs_ring_io *r);

/*
 * Copy up to n bytes out of the response ring / into the request ring,
 * as much as is there / fits, and move our index in the page. Return
 * the bytes copied (0: nothing there, no room) or -XEN_EIO. The caller
 * notifies the event channel after any progress.
 */
long xs_ring_read(struct xs_ring_io *r, void *dst, size_t n);
long xs_ring_write(struct xs_ring_io *r, const void *src, size_t n);
/* Drops whatever the response ring holds (a restored domain's ring
 * holds what the old connection sent); returns the bytes dropped or
 * -XEN_EIO. */
long xs_ring_discard(struct xs_ring_io *r);

#endif
