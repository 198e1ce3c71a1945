/*
 * blk_vdev.h - a disk's name from its number (kernel/drivers/blk/
 * blk_vdev.c, pure: tests/unit/test_blk_vdev.c).
 *
 * The toolstack turns a cfg's vdev ("xvda", "sdb2", "hdc") into the
 * number under device/vbd/, following Xen's docs/misc/vbd-interface:
 *
 *   202 << 8 | disk << 4 | partition    xvd, disks and partitions < 16
 *   1 << 28 | disk << 8 | partition     xvd, disks from 16 (up to 2^20)
 *   8 << 8 | disk << 4 | partition      sd, disks and partitions < 16
 *   3 << 8 | disk << 6 | partition      hd, disks 0 and 1
 *   22 << 8 | (disk - 2) << 6 | part.   hd, disks 2 and 3
 *
 * A disk number is written in letters as Linux does (a..z, aa..zz,
 * aaa...), a partition as a number after it; partition 0 is the whole
 * disk.
 */
#ifndef KERNEL_DRIVERS_BLK_BLK_VDEV_H
#define KERNEL_DRIVERS_BLK_BLK_VDEV_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

/* The name of vdev into buf ("xvda"); 0, or -XEN_EINVAL for a number
 * no scheme gives (the buffer then holds "vbd-<number>"), -XEN_E2BIG
 * if it does not fit. */
int blk_vdev_name(unsigned long vdev, char *buf, size_t size);

#endif
