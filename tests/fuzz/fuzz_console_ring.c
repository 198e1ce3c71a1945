/*
 * fuzz_console_ring.c - the console rings
 * (kernel/drivers/console/console_ring.c) against a backend that is
 * honest most of the time and sometimes writes any index it likes (the
 * page is shared with another domain). A run is a sequence of steps from
 * a random starting index (often near the 2^32 wrap); the oracle is a
 * model of the bytes in flight each way, plus a snapshot of the whole
 * page around every call:
 *
 *  - with sane indexes a write returns min(n, room) and puts exactly the
 *    model's bytes in exactly the free slots; a read returns min(n,
 *    available) and the oldest bytes; the queries return the model's
 *    counts; nothing else on the page changes;
 *  - with a broken index (more in flight than the ring holds) every call
 *    is -XEN_EIO, a write changes nothing, and a read only sets in_cons
 *    to in_prod.
 * The page and every caller buffer are heap blocks of exactly their size.
 */
#include "kernel/drivers/console/console_ring.h"
#include "fuzz.h"

#define OUT_SIZE sizeof(((struct xencons_interface *)0)->out)
#define IN_SIZE sizeof(((struct xencons_interface *)0)->in)

static struct xencons_interface *ring, expect;
/* Bytes in flight, oldest first: out (ours, for the backend), in. */
static char model_out[OUT_SIZE], model_in[IN_SIZE];
static size_t n_out, n_in;
static void dump(void)
{
	printf("%s  now: out %#x..%#x, in %#x..%#x\n", fz_log_text,
	       ring->out_cons, ring->out_prod, ring->in_cons, ring->in_prod);
}

static bool out_sane(void)
{
	return (XENCONS_RING_IDX)(ring->out_prod - ring->out_cons) <= OUT_SIZE;
}

static bool in_sane(void)
{
	return (XENCONS_RING_IDX)(ring->in_prod - ring->in_cons) <= IN_SIZE;
}

/* The model follows the page after the backend moved an index freely. */
static void resync(void)
{
	n_out = out_sane() ? ring->out_prod - ring->out_cons : 0;
	for (size_t i = 0; i < n_out; i++)
		model_out[i] = ring->out[MASK_XENCONS_IDX(
			ring->out_cons + (XENCONS_RING_IDX)i, ring->out)];
	n_in = in_sane() ? ring->in_prod - ring->in_cons : 0;
	for (size_t i = 0; i < n_in; i++)
		model_in[i] = ring->in[MASK_XENCONS_IDX(
			ring->in_cons + (XENCONS_RING_IDX)i, ring->in)];
}

static size_t some(size_t max)
{
	return fz_chance(20) ? fz_edge(max) : fz_below(max / 8 + 1);
}

/* The page must be exactly what the model expects after the call. */
static void page_is(const struct xencons_interface *expect, const char *what)
{
	if (!memcmp(ring, expect, sizeof(*ring)))
		return;
	for (size_t i = 0; i < OUT_SIZE; i++)
		FZ_CHECK(ring->out[i] == expect->out[i], "%s: out[%zu]", what,
			 i);
	FZ_CHECK(!memcmp(ring->in, expect->in, IN_SIZE), "%s: in[]", what);
	FZ_CHECK(ring->out_prod == expect->out_prod,
		 "%s: out_prod %#x, want %#x", what, ring->out_prod,
		 expect->out_prod);
	FZ_CHECK(ring->in_cons == expect->in_cons, "%s: in_cons %#x, want %#x",
		 what, ring->in_cons, expect->in_cons);
	FZ_CHECK(false, "%s: backend indexes changed", what);
}

static void step_write(void)
{
	size_t n = some(OUT_SIZE + 64), want = 0;
	char *buf = malloc(n ? n : 1);
	bool sane = out_sane();
	long rc;

	fz_fill(buf, n);
	expect = *ring;
	rc = cons_ring_write(ring, buf, n);
	fz_note("  write %zu: %ld\n", n, rc);
	if (!sane) {
		FZ_CHECK(rc == -XEN_EIO, "broken out: %ld", rc);
	} else {
		want = n < OUT_SIZE - n_out ? n : OUT_SIZE - n_out;
		FZ_CHECK(rc == (long)want, "wrote %ld, want %zu", rc, want);
		for (size_t i = 0; i < want; i++)
			expect.out[MASK_XENCONS_IDX(expect.out_prod++,
						    expect.out)] = buf[i];
		memcpy(model_out + n_out, buf, want);
		n_out += want;
	}
	page_is(&expect, "write");
	free(buf);
}

static void step_read(void)
{
	size_t n = some(IN_SIZE + 64), want;
	char *buf = malloc(n ? n : 1);
	bool sane = in_sane();
	long rc;

	expect = *ring;
	rc = cons_ring_read(ring, buf, n);
	fz_note("  read %zu: %ld\n", n, rc);
	if (!sane) {
		FZ_CHECK(rc == -XEN_EIO, "broken in: %ld", rc);
		expect.in_cons = expect.in_prod; /* dropped, to start over */
		n_in = 0;
	} else {
		want = n < n_in ? n : n_in;
		FZ_CHECK(rc == (long)want, "read %ld, want %zu", rc, want);
		FZ_CHECK(!memcmp(buf, model_in, want), "wrong bytes");
		expect.in_cons += (XENCONS_RING_IDX)want;
		memmove(model_in, model_in + want, n_in - want);
		n_in -= want;
	}
	page_is(&expect, "read");
	free(buf);
}

static void step_queries(void)
{
	long used, avail;

	expect = *ring;
	used = cons_ring_out_used(ring);
	avail = cons_ring_in_avail(ring);
	page_is(&expect, "query");
	FZ_CHECK(used == (out_sane() ? (long)n_out : -XEN_EIO), "used %ld",
		 used);
	FZ_CHECK(avail == (in_sane() ? (long)n_in : -XEN_EIO), "avail %ld",
		 avail);
}

/* The backend as it should be: takes our bytes, gives its own; on a
 * ring it broke, it starts over (as a backend that resets would). */
static void step_honest_backend(void)
{
	size_t take = 0, give = 0;

	if (!out_sane()) {
		ring->out_cons = ring->out_prod;
		n_out = 0;
	}
	take = fz_below(n_out + 1);
	for (size_t i = 0; i < take; i++)
		FZ_CHECK(ring->out[MASK_XENCONS_IDX(ring->out_cons++,
						    ring->out)] == model_out[i],
			 "backend sees byte %zu wrong", i);
	memmove(model_out, model_out + take, n_out - take);
	n_out -= take;
	if (in_sane())
		give = fz_below(IN_SIZE - n_in + 1);
	for (size_t i = 0; i < give; i++) {
		char c = (char)fz_u64();

		ring->in[MASK_XENCONS_IDX(ring->in_prod++, ring->in)] = c;
		model_in[n_in++] = c;
	}
	fz_note("  backend takes %zu, gives %zu\n", take, give);
}

/* An index just past sane, exactly full, behind, or anything. */
static XENCONS_RING_IDX hostile(XENCONS_RING_IDX other, size_t size,
				bool is_prod)
{
	XENCONS_RING_IDX d;

	switch (fz_below(4)) {
	case 0:
		d = (XENCONS_RING_IDX)size + 1;
		break;
	case 1:
		d = (XENCONS_RING_IDX)size;
		break;
	case 2:
		d = (XENCONS_RING_IDX)-1 - (XENCONS_RING_IDX)fz_below(4);
		break;
	default:
		return (XENCONS_RING_IDX)fz_u64();
	}
	return is_prod ? other + d : other - d;
}

static void step_hostile_backend(void)
{
	if (fz_chance(50))
		ring->out_cons = hostile(ring->out_prod, OUT_SIZE, false);
	else
		ring->in_prod = hostile(ring->in_cons, IN_SIZE, true);
	fz_note("  backend sets out_cons %#x, in_prod %#x\n", ring->out_cons,
		ring->in_prod);
	resync();
}

FUZZ(hostile_backend, 15000)
{
	XENCONS_RING_IDX start =
		fz_chance(50) ? (XENCONS_RING_IDX)fz_u64()
			      : (XENCONS_RING_IDX)-fz_below(3 * OUT_SIZE);

	ring = malloc(sizeof(*ring));
	fz_fill(ring, sizeof(*ring));
	ring->out_cons = ring->out_prod = start;
	ring->in_cons = ring->in_prod = start + (XENCONS_RING_IDX)fz_u64() % 7;
	n_out = n_in = 0;
	fz_note("  start out %#x, in %#x\n", ring->out_cons, ring->in_cons);
	fz_dump = dump;
	for (unsigned int k = 1 + fz_below(60); k; k--) {
		switch (fz_below(10)) {
		case 0:
		case 1:
		case 2:
			step_write();
			break;
		case 3:
		case 4:
			step_read();
			break;
		case 5:
			step_queries();
			break;
		case 6:
			if (fz_chance(30)) {
				step_hostile_backend();
				break;
			}
			/* fall through */
		default:
			step_honest_backend();
		}
	}
	free(ring);
}
