/*
 * test_blk_vdev.c - disk names from vbd numbers
 * (kernel/drivers/blk/blk_vdev.c): each of vbd-interface's schemes,
 * disks past z, partitions, numbers no scheme gives, small buffers.
 */
#include "kernel/drivers/blk/blk_vdev.h"
#include "unit.h"

static char buf[BUFSIZ];

static const char *name(unsigned long vdev)
{
	return blk_vdev_name(vdev, buf, sizeof(buf)) ? "(refused)" : buf;
}

TEST(xvd_short_form)
{
	CHECK_STR(name(51712), "xvda");
	CHECK_STR(name(51728), "xvdb");
	CHECK_STR(name(51713), "xvda1");
	CHECK_STR(name(202 << 8 | 15 << 4 | 15), "xvdp15");
}

TEST(xvd_extended_form)
{
	CHECK_STR(name(1UL << 28 | 16 << 8), "xvdq");
	CHECK_STR(name(1UL << 28 | 25 << 8), "xvdz");
	CHECK_STR(name(1UL << 28 | 26 << 8), "xvdaa");
	CHECK_STR(name(1UL << 28 | 701 << 8 | 3), "xvdzz3");
	CHECK_STR(name(1UL << 28 | 702 << 8 | 255), "xvdaaa255");
	CHECK_STR(name(1UL << 28 | ((1UL << 20) - 1) << 8), "xvdbgqcv");
}

TEST(sd_and_hd)
{
	CHECK_STR(name(8 << 8), "sda");
	CHECK_STR(name(8 << 8 | 1 << 4 | 2), "sdb2");
	CHECK_STR(name(3 << 8), "hda");
	CHECK_STR(name(3 << 8 | 64 | 63), "hdb63");
	CHECK_STR(name(22 << 8), "hdc");
	CHECK_STR(name(22 << 8 | 64 | 1), "hdd1");
}

TEST(numbers_no_scheme_gives)
{
	CHECK(blk_vdev_name(3 << 8 | 128, buf, sizeof(buf)) == -XEN_EINVAL);
	CHECK_STR(buf, "vbd-896");
	CHECK(blk_vdev_name(12345, buf, sizeof(buf)) == -XEN_EINVAL);
	CHECK(blk_vdev_name(2UL << 28, buf, sizeof(buf)) == -XEN_EINVAL);
	CHECK(blk_vdev_name(202UL << 8 | 1UL << 16, buf, sizeof(buf)) ==
	      -XEN_EINVAL);
	CHECK(blk_vdev_name(~0UL, buf, sizeof(buf)) == -XEN_EINVAL);
}

TEST(small_buffer_is_e2big)
{
	char small[5];

	CHECK(blk_vdev_name(51712, small, sizeof(small)) == 0);
	CHECK_STR(small, "xvda");
	CHECK(blk_vdev_name(51713, small, sizeof(small)) == -XEN_E2BIG);
	CHECK(small[4] == '\0');
}
