/*
 * debug.h - the boot sequence's way to a debugger (kernel/main.c).
 *
 * The gdb stub (kernel/debug/gdb_*.c) is compiled into the kernel like
 * every layer, but no kernel file refers to it: main.c reaches it only
 * through debug_link, a weak symbol that kernel/debug/link.c alone
 * defines, and that file is linked only into the images built for
 * debugging (build/gdb/APP.elf; `make debug`, docs/debug.md). In every
 * other image debug_link is absent (its address is NULL) and the
 * linker's --gc-sections drops the stub and all that only it uses.
 */
#ifndef KERNEL_DEBUG_DEBUG_H
#define KERNEL_DEBUG_DEBUG_H

struct debug_ops {
	void (*start)(void);	  /* debug=gdb: connect, stop before main */
	void (*app_exit)(int rc); /* the app ends with rc: tell gdb */
};

extern const struct debug_ops debug_link __attribute__((weak));

#endif
