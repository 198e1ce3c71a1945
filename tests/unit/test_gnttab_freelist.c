/*
 * test_gnttab_freelist.c - the free list of grant refs
 * (kernel/xenbus/grant_refs.c): reserved refs are never handed out, every
 * other ref exactly once until returned, exhaustion is ENOSPC, and a
 * ref returned twice (or never handed out) is refused.
 */
#include "kernel/xenbus/grant_refs.h"
#include "unit.h"

static grant_ref_t storage[64];

TEST(hands_out_each_ref_once)
{
	struct gnt_freelist fl;
	bool seen[64] = { false };

	gnt_freelist_init(&fl, storage, 64, 8);
	CHECK(fl.free == 56);
	for (int i = 0; i < 56; i++) {
		long r = gnt_freelist_get(&fl);

		CHECK(r >= 8 && r < 64 && !seen[r]);
		seen[r] = true;
	}
	CHECK(gnt_freelist_get(&fl) == -XEN_ENOSPC);
	CHECK(fl.free == 0);
}

TEST(put_and_reuse)
{
	struct gnt_freelist fl;
	long a, b;

	gnt_freelist_init(&fl, storage, 64, 8);
	a = gnt_freelist_get(&fl);
	b = gnt_freelist_get(&fl);
	CHECK(a == 8 && b == 9);
	CHECK(gnt_freelist_put(&fl, (grant_ref_t)a) == 0);
	CHECK(gnt_freelist_get(&fl) == a);
	CHECK(fl.free == 54);
}

TEST(refuses_bad_puts)
{
	struct gnt_freelist fl;
	long a;

	gnt_freelist_init(&fl, storage, 64, 8);
	CHECK(gnt_freelist_put(&fl, 3) == -XEN_EINVAL);	 /* reserved */
	CHECK(gnt_freelist_put(&fl, 64) == -XEN_EINVAL); /* out of range */
	CHECK(gnt_freelist_put(&fl, 20) == -XEN_EINVAL); /* never given */
	a = gnt_freelist_get(&fl);
	CHECK(gnt_freelist_put(&fl, (grant_ref_t)a) == 0);
	CHECK(gnt_freelist_put(&fl, (grant_ref_t)a) == -XEN_EINVAL);
	CHECK(fl.free == 56);
}

TEST(all_reserved)
{
	struct gnt_freelist fl;

	gnt_freelist_init(&fl, storage, 4, 8);
	CHECK(fl.free == 0);
	CHECK(gnt_freelist_get(&fl) == -XEN_ENOSPC);
}

/* A free list whose head is a ref in use would hand it out twice. */
TEST(corrupt_list_asserts)
{
	struct gnt_freelist fl;

	gnt_freelist_init(&fl, storage, 64, 8);
	storage[fl.head] = GNT_REF_USED; /* the head's mark says "in use" */
	CHECK_ASSERTS(gnt_freelist_get(&fl));
	gnt_freelist_init(&fl, storage, 64, 8);
	fl.head = 3; /* a reserved ref */
	CHECK_ASSERTS(gnt_freelist_get(&fl));
}
