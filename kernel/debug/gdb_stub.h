/*
 * gdb_stub.h - the gdb stub's entry points (kernel/debug/gdb_stub.c),
 * which kernel/debug/link.c hands the boot sequence in images built for
 * debugging (kernel/debug/debug.h).
 */
#ifndef KERNEL_DEBUG_GDB_STUB_H
#define KERNEL_DEBUG_GDB_STUB_H

/* debug=gdb: opens the channel org.pvmini.gdb, takes the trap, upcall
 * and shutdown hooks, and stops for gdb. Returns when gdb lets the
 * domain run; a missing channel ends the domain with a message. */
void gdb_stub_start(void);
/* The app ends with rc (main returned, or exit()): gdb hears of it. */
void gdb_stub_app_exit(int rc);

#endif
