/*
 * link.c - the one file that puts the gdb stub into an image: linked
 * into build/gdb/APP.elf only (the Makefile keeps it out of the kernel
 * object every image shares), it gives kernel/main.c the stub's entry
 * points through the weak debug_link (kernel/debug/debug.h).
 */
#include "kernel/debug/debug.h"
#include "kernel/debug/gdb_stub.h"

const struct debug_ops debug_link = {
	.start = gdb_stub_start,
	.app_exit = gdb_stub_app_exit,
};
