/*
 * test_cons_ring.c - the console rings (kernel/drivers/console/console_ring.c)
 * against a simulated backend: bytes come out in order across the index wrap
 * and the 2^32 wrap, a full ring takes nothing more, and a backend that writes
 * a broken index gets -XEN_EIO instead of a copy past the ring.
 */
#include "kernel/drivers/console/console_ring.h"
#include "unit.h"

static struct xencons_interface ring;

/* The backend's side of `out`: consume up to n bytes into buf. */
static size_t backend_consume(char *buf, size_t n)
{
	size_t got = 0;

	while (ring.out_cons != ring.out_prod && got < n)
		buf[got++] =
			ring.out[MASK_XENCONS_IDX(ring.out_cons++, ring.out)];
	return got;
}

/* The backend's side of `in`: produce what fits. */
static size_t backend_produce(const char *buf, size_t n)
{
	size_t put = 0;

	while (put < n && ring.in_prod - ring.in_cons < sizeof(ring.in))
		ring.in[MASK_XENCONS_IDX(ring.in_prod++, ring.in)] = buf[put++];
	return put;
}

static void reset(XENCONS_RING_IDX start)
{
	memset(&ring, 0, sizeof(ring));
	ring.out_prod = ring.out_cons = start;
	ring.in_prod = ring.in_cons = start;
}

TEST(write_then_consume_in_order)
{
	char got[16];

	reset(0);
	CHECK(cons_ring_write(&ring, "hello", 5) == 5);
	CHECK(cons_ring_out_used(&ring) == 5);
	CHECK(backend_consume(got, sizeof(got)) == 5);
	CHECK(memcmp(got, "hello", 5) == 0);
	CHECK(cons_ring_out_used(&ring) == 0);
}

TEST(full_ring_takes_what_fits)
{
	static char big[5000], got[5000];

	reset(0);
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7 + 3);
	CHECK(cons_ring_write(&ring, big, sizeof(big)) == 2048);
	CHECK(cons_ring_write(&ring, big, 1) == 0);
	CHECK(cons_ring_out_used(&ring) == 2048);
	CHECK(backend_consume(got, 100) == 100);
	CHECK(cons_ring_write(&ring, big + 2048, sizeof(big) - 2048) == 100);
	CHECK(backend_consume(got + 100, sizeof(got)) == 2048);
	CHECK(memcmp(got, big, 2148) == 0);
}

/* Indexes near 2^32: the free-running counters wrap, the data must not. */
TEST(indexes_wrap_at_2_32)
{
	char msg[3000], got[3000];
	size_t total = 0, seen = 0;

	reset(0xffffffffU - 1000);
	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (char)('a' + i % 26);
	while (total < sizeof(msg)) {
		long n = cons_ring_write(&ring, msg + total,
					 sizeof(msg) - total);

		CHECK(n >= 0);
		total += (size_t)n;
		seen += backend_consume(got + seen, 700);
	}
	seen += backend_consume(got + seen, sizeof(got));
	CHECK(seen == sizeof(msg));
	CHECK(memcmp(got, msg, sizeof(msg)) == 0);
	CHECK(ring.out_prod < 0x10000); /* it did wrap */
}

TEST(read_input_across_wrap)
{
	char msg[2500], got[2500];
	size_t put = 0, total = 0;

	reset(0xffffffffU - 300);
	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (char)(i % 251);
	while (total < sizeof(msg)) {
		long n;

		put += backend_produce(msg + put, sizeof(msg) - put);
		CHECK(cons_ring_in_avail(&ring) > 0);
		n = cons_ring_read(&ring, got + total, 333);
		CHECK(n > 0);
		total += (size_t)n;
	}
	CHECK(memcmp(got, msg, sizeof(msg)) == 0);
	CHECK(cons_ring_read(&ring, got, sizeof(got)) == 0);
	CHECK(cons_ring_in_avail(&ring) == 0);
}

/* A backend claiming more output consumed than we produced. */
TEST(broken_out_cons_is_eio)
{
	reset(100);
	ring.out_cons = 200; /* ahead of out_prod: prod - cons wraps huge */
	CHECK(cons_ring_out_used(&ring) == -XEN_EIO);
	CHECK(cons_ring_write(&ring, "x", 1) == -XEN_EIO);
	CHECK(ring.out_prod == 100); /* nothing published */
}

/* A backend claiming more input than the ring holds. */
TEST(broken_in_prod_is_eio_and_resyncs)
{
	char got[8];

	reset(0);
	ring.in_prod = 5000;
	CHECK(cons_ring_in_avail(&ring) == -XEN_EIO);
	CHECK(cons_ring_read(&ring, got, sizeof(got)) == -XEN_EIO);
	CHECK(ring.in_cons == 5000);
	/* Usable again afterwards. */
	CHECK(backend_produce("ok", 2) == 2);
	CHECK(cons_ring_read(&ring, got, sizeof(got)) == 2);
	CHECK(memcmp(got, "ok", 2) == 0);
}
