# blktest: disks through the C library (lib/newlib/blk.c) and the
# native API (<pvmini/blkdev.h>).
APP_LIBC = y
