/*
 * hostile.c - nftest playing a hostile backend: it writes into the
 * shared rings of its own vif what a broken or malicious netback could,
 * then uses the vif. Each case must stop the vif with a message naming
 * what was wrong (matched by tests/boot/nftest-xl.t), answer -XEN_EIO
 * from then on, and still close cleanly, every grant back. Nothing is
 * consumed or copied from the bad response (netfront_ring.c checks it
 * first); the fuzz harness tests/fuzz/fuzz_nf_ring.c covers the rest.
 */
#include "kernel/drivers/net/netfront_internal.h"
#include "nftest.h"

static void drop(void *arg __unused, const void *f __unused,
		 size_t len __unused, unsigned int flags __unused)
{
}

/* Writes the response netback would, in the slot it would use. */
static void respond(struct netdev *nd, unsigned int id, unsigned int offset,
		    int status, unsigned int flags)
{
	netif_rx_response_t *r = &nf_rx_slot(nd->rx.s, nd->rx.rsp_cons)->rsp;

	r->id = (uint16_t)id;
	r->offset = (uint16_t)offset;
	r->flags = (uint16_t)flags;
	r->status = (int16_t)status;
	__atomic_store_n(&nd->rx.s->rsp_prod, nd->rx.rsp_cons + 1,
			 __ATOMIC_RELEASE);
}

static unsigned int next_id(struct netdev *nd)
{
	return nf_rx_slot(nd->rx.s, nd->rx.rsp_cons)->req.id;
}

static void rx_case(const char *name, int which)
{
	static const uint8_t f[60] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct netdev *nd = open_vif();
	int rc;

	if (!nd)
		return;
	printk("nftest: hostile: %s\n", name);
	if (which == 0)
		__atomic_store_n(&nd->rx.s->rsp_prod,
				 nd->rx.rsp_cons + NF_RX_BUFS + 1,
				 __ATOMIC_RELEASE);
	else if (which == 1)
		respond(nd, 999, 0, 60, 0);
	else if (which == 2)
		respond(nd, next_id(nd), 4000, 200, 0);
	else
		respond(nd, next_id(nd), 0, 1514, NETRXF_more_data);
	rc = netdev_poll(nd, drop, NULL, 8);
	EXPECT(rc == -XEN_EIO, "%s: poll %d", name, rc);
	rc = netdev_send(nd, f, sizeof(f));
	EXPECT(rc == -XEN_EIO, "%s: send afterwards %d", name, rc);
	close_vif(nd, name);
}

static void tx_case(void)
{
	static const uint8_t f[60] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct netdev *nd = open_vif();
	int rc;

	if (!nd)
		return;
	printk("nftest: hostile: TX responses to requests never made\n");
	EXPECT(netdev_send(nd, f, sizeof(f)) == 0, "a good send");
	__atomic_store_n(&nd->tx.s->rsp_prod, nd->tx.rsp_cons + 5,
			 __ATOMIC_RELEASE);
	rc = netdev_send(nd, f, sizeof(f));
	EXPECT(rc == -XEN_EIO, "TX: send %d", rc);
	rc = netdev_wait(nd, monotonic_ns() + NSEC_PER_SEC);
	EXPECT(rc == -XEN_EIO, "TX: wait afterwards %d", rc);
	close_vif(nd, "the TX case");
}

void hostile_backend(void)
{
	rx_case("RX rsp_prod far beyond our requests", 0);
	rx_case("an RX response with buffer id 999", 1);
	rx_case("an RX frame from offset 4000, 200 bytes long", 2);
	rx_case("an RX response with more_data (no feature-sg)", 3);
	tx_case();
	printk("nftest: hostile: every case stopped the vif; every grant "
	       "back\n");
}
