# app.mk - blkinfo uses the kernel's API alone (no C library).
APP_LIBC = n
APP_FLAGS =
