/*
 * test_xs_ring_io.c - the xenstore ring copy (kernel/xenbus/xs_ring_io.c)
 * against a fake daemon: wrap-around of the ring and of the 32-bit
 * indexes, messages larger than the ring, and a seeded fuzz loop in
 * which the daemon also writes hostile indexes. Whatever it writes, a
 * call returns promptly, never touches a byte outside the ring it works
 * on (nor past what it reports), and answers -XEN_EIO for indexes that
 * cannot be.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "kernel/xenbus/xs_ring_io.h"
#include "unit.h"

/* The page, with guard bytes on both sides. */
static struct {
	unsigned char before[64];
	struct xenstore_domain_interface intf;
	unsigned char after[64];
} page;
static struct xs_ring_io r;

static void setup(uint32_t req, uint32_t rsp)
{
	memset(&page, 0x5a, sizeof(page));
	page.intf.req_cons = page.intf.req_prod = req;
	page.intf.rsp_cons = page.intf.rsp_prod = rsp;
	xs_ring_io_init(&r, &page.intf);
}

/* The daemon puts n bytes of `seed`'s stream into the response ring. */
static void daemon_send(uint32_t n, unsigned char seed)
{
	for (uint32_t i = 0; i < n; i++)
		page.intf.rsp[MASK_XENSTORE_IDX(page.intf.rsp_prod + i)] =
			(unsigned char)(seed + i);
	page.intf.rsp_prod += n;
}

TEST(request_wraps_the_ring_and_the_index)
{
	unsigned char msg[700], got[700];

	setup(0xfffffe00u, 0);
	for (unsigned int i = 0; i < sizeof(msg); i++)
		msg[i] = (unsigned char)(i * 7);
	page.intf.req_cons = 0xfffffe00u;
	CHECK(xs_ring_write(&r, msg, sizeof(msg)) == 700);
	CHECK(page.intf.req_prod == 0xfffffe00u + 700); /* wrapped past 0 */
	for (unsigned int i = 0; i < sizeof(msg); i++)
		got[i] = page.intf.req[MASK_XENSTORE_IDX(0xfffffe00u + i)];
	CHECK(!memcmp(got, msg, sizeof(msg)));
	/* 324 bytes of room left: a second message only partly fits. */
	CHECK(xs_ring_writable(&r) == 324);
	CHECK(xs_ring_write(&r, msg, sizeof(msg)) == 324);
	CHECK(xs_ring_write(&r, msg, sizeof(msg)) == 0);
}

TEST(response_larger_than_the_ring_arrives_in_pieces)
{
	unsigned char got[3000];
	size_t have = 0;

	setup(0, 0xfffffff0u);
	while (have < sizeof(got)) {
		uint32_t n =
			sizeof(got) - have < 1000 ? sizeof(got) - have : 1000;

		daemon_send(n, (unsigned char)have);
		CHECK(xs_ring_read(&r, got + have, sizeof(got) - have) == n);
		CHECK(page.intf.rsp_cons == page.intf.rsp_prod);
		have += n;
	}
	for (size_t i = 0; i < sizeof(got); i++)
		CHECK(got[i] == (unsigned char)i);
	CHECK(xs_ring_read(&r, got, 10) == 0);
}

TEST(indexes_more_than_a_ring_apart_are_eio)
{
	char buf[8];

	setup(100, 100);
	page.intf.rsp_prod = 100 + XENSTORE_RING_SIZE + 1;
	CHECK(xs_ring_read(&r, buf, sizeof(buf)) == -XEN_EIO);
	CHECK(r.bad == XENSTORE_RING_SIZE + 1);
	page.intf.rsp_prod = 99; /* behind us */
	CHECK(xs_ring_readable(&r) == -XEN_EIO);
	page.intf.req_cons = 101; /* consumed what we never produced */
	CHECK(xs_ring_write(&r, buf, sizeof(buf)) == -XEN_EIO);
	CHECK(page.intf.req_prod == 100 && page.intf.rsp_cons == 100);
}

TEST(our_own_indexes_in_the_page_are_not_trusted)
{
	char buf[8] = "abcdefg";

	setup(0, 0);
	page.intf.req_prod = 5000; /* the daemon scribbles on ours */
	page.intf.rsp_cons = 77;
	CHECK(xs_ring_write(&r, buf, 4) == 4);
	CHECK(page.intf.req_prod == 4 && !memcmp(page.intf.req, "abcd", 4));
	daemon_send(2, 'x');
	page.intf.rsp_prod = 2;
	CHECK(xs_ring_read(&r, buf, 8) == 2 && page.intf.rsp_cons == 2);
}

/*
 * The fuzz loop. Each step the guest reads or writes a random amount, or
 * the daemon consumes, produces, or writes a random index (hostile).
 * Checked every step: the return value is -XEN_EIO or within [0, n]
 * and within what the ring holds; only the bytes of the ring worked on,
 * at the positions our index gives, and our index field, changed; the
 * guest's buffer changed only in the bytes reported; while the daemon
 * has been honest, the bytes are exactly the two streams.
 */
static unsigned char snap[sizeof(page)];
static unsigned char buf[2 * XENSTORE_RING_SIZE + 64];

static void check_only_changed(const unsigned char *ring, uint32_t from, long n,
			       const void *field, int *bad)
{
	const unsigned char *now = (const unsigned char *)&page;
	size_t ring_off = ring - now,
	       field_off = (const unsigned char *)field - now;

	for (size_t i = 0; i < sizeof(page); i++) {
		bool ok = false;

		if (now[i] == snap[i])
			continue;
		if (i >= field_off && i < field_off + 4)
			ok = true;
		for (long k = 0; k < n && !ok; k++)
			ok = i == ring_off + MASK_XENSTORE_IDX(from + k);
		if (!ok)
			(*bad)++;
	}
}

/* After a restore the ring still holds what the old connection sent:
 * discarding it moves our index to the daemon's, in the page too, and
 * the next message reads from there; an impossible index is EIO. */
TEST(discard_drops_what_the_old_connection_sent)
{
	unsigned char got[16];

	setup(0, 0xfffffff0u);
	daemon_send(40, 1); /* wraps the 32-bit index */
	CHECK(xs_ring_read(&r, got, 4) == 4);
	CHECK(xs_ring_discard(&r) == 36);
	CHECK(page.intf.rsp_cons == 0xfffffff0u + 40);
	CHECK(xs_ring_readable(&r) == 0);
	CHECK(xs_ring_discard(&r) == 0);
	daemon_send(3, 100);
	CHECK(xs_ring_read(&r, got, sizeof(got)) == 3 && got[0] == 100);
	page.intf.rsp_prod += XENSTORE_RING_SIZE + 1;
	CHECK(xs_ring_discard(&r) == -XEN_EIO);
}

TEST(fuzz_hostile_indexes)
{
	unsigned int seed = 20240611;
	uint32_t sent_guest = 0, got_guest = 0; /* stream positions */
	uint32_t sent_daemon = 0, got_daemon = 0;
	int bad = 0, eio = 0, honest_steps = 0;
	bool honest = true;

	alarm(60); /* a call that loops forever fails the test */
	setup(0xffffff00u, 0xfffffc00u);
	for (int step = 0; step < 200000 && !bad; step++) {
		unsigned int op = (unsigned int)rand_r(&seed) % 100;
		size_t n = (size_t)rand_r(&seed) % (sizeof(buf) - 64);
		long rc;

		if (op < 3) { /* hostile: any index, any value */
			uint32_t v = (uint32_t)rand_r(&seed) << 16 ^
				     (uint32_t)rand_r(&seed);
			uint32_t *f[] = { &page.intf.req_cons,
					  &page.intf.rsp_prod,
					  &page.intf.req_prod,
					  &page.intf.rsp_cons };

			if (rand_r(&seed) & 1) /* near the right value */
				v = *f[op % 2 ? 1 : 0] +
				    (uint32_t)(rand_r(&seed) % 4100) - 2050;
			*f[rand_r(&seed) % 4] = v;
			honest = false;
		} else if (op < 4) { /* a new, honest connection */
			setup((uint32_t)rand_r(&seed), (uint32_t)rand_r(&seed));
			sent_guest = got_guest = sent_daemon = got_daemon = 0;
			honest = true;
		} else if (op < 30) { /* guest writes */
			uint32_t from = r.req_prod;
			long room = xs_ring_writable(&r);

			memcpy(snap, &page, sizeof(page));
			for (size_t i = 0; i < n; i++)
				buf[i] = (unsigned char)(sent_guest + i);
			rc = xs_ring_write(&r, buf, n);
			if (rc < 0) {
				eio++;
				bad += rc != -XEN_EIO || honest;
				rc = 0;
			} else {
				bad += (size_t)rc > n || rc > room;
			}
			check_only_changed((unsigned char *)page.intf.req, from,
					   rc, &page.intf.req_prod, &bad);
			sent_guest += (uint32_t)rc;
		} else if (op < 55) { /* guest reads */
			uint32_t from = r.rsp_cons;

			memcpy(snap, &page, sizeof(page));
			memset(buf, 0xee, sizeof(buf));
			rc = xs_ring_read(&r, buf, n);
			if (rc < 0) {
				eio++;
				bad += rc != -XEN_EIO || honest;
				rc = 0;
			}
			bad += (size_t)rc > n || rc > XENSTORE_RING_SIZE;
			for (long i = 0; i < rc; i++)
				bad += buf[i] !=
				       (unsigned char)
					       page.intf.rsp[MASK_XENSTORE_IDX(
						       from + i)];
			for (size_t i = rc; i < sizeof(buf); i++)
				bad += buf[i] != 0xee;
			if (honest)
				for (long i = 0; i < rc; i++)
					bad += buf[i] !=
					       (unsigned char)(got_guest + i);
			check_only_changed((unsigned char *)page.intf.rsp, from,
					   0, &page.intf.rsp_cons, &bad);
			got_guest += (uint32_t)rc;
		} else if (op < 78 && honest) { /* daemon consumes */
			uint32_t avail =
				page.intf.req_prod - page.intf.req_cons;
			uint32_t k =
				avail ? (uint32_t)rand_r(&seed) % (avail + 1)
				      : 0;

			for (uint32_t i = 0; i < k; i++)
				bad += (unsigned char)
					       page.intf.req[MASK_XENSTORE_IDX(
						       page.intf.req_cons +
						       i)] !=
				       (unsigned char)(got_daemon + i);
			page.intf.req_cons += k;
			got_daemon += k;
		} else if (honest) { /* daemon produces */
			uint32_t room =
				XENSTORE_RING_SIZE -
				(page.intf.rsp_prod - page.intf.rsp_cons);
			uint32_t k = (uint32_t)rand_r(&seed) % (room + 1);

			daemon_send(k, (unsigned char)sent_daemon);
			sent_daemon += k;
		}
		honest_steps += honest;
		for (size_t i = 0; i < sizeof(page.before); i++)
			bad += page.before[i] != 0x5a || page.after[i] != 0x5a;
	}
	alarm(0);
	printf("fuzz: %d honest steps, %d -EIO answers, stream %u/%u bytes "
	       "out, %u/%u in\n",
	       honest_steps, eio, got_daemon, sent_guest, got_guest,
	       sent_daemon);
	CHECK(!bad);
	CHECK(eio > 100 && honest_steps > 10000);
}
