/*
 * boot.h - the boot sequence's two ends: where head.S enters the kernel,
 * and the one application linked with it.
 */
#ifndef KERNEL_BOOT_H
#define KERNEL_BOOT_H

#include <pvmini/xen.h>

/* kernel/main.c: head.S calls it on the boot stack; it never returns. */
__attribute__((noreturn)) void start_kernel(const start_info_t *si);

/* The app's name (kernel/app_name.c, compiled once per app). */
extern const char app_name[];
/* The application's entry; `int main(void)` links against it as well. */
int main(int argc, char **argv);

#endif
