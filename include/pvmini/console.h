/*
 * console.h - where the kernel's and the application's text goes.
 * dom0 writes through Xen's console (console_io); a domU writes into the
 * shared console ring that xenconsoled drains (kernel/console.c).
 */
#ifndef PVMINI_CONSOLE_H
#define PVMINI_CONSOLE_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

/* Selects the console for this domain; returns 0 or a negative errno. */
int console_init(const start_info_t *si);
void console_write(const char *s, size_t n);
/* Copies up to n bytes of pending console input; 0 if none. Never waits. */
size_t console_read(char *buf, size_t n);
/* Blocks until at least one byte is there (kernel/console_input.c). */
size_t console_read_wait(char *buf, size_t n);
void console_input_init(void);
/* Waits (bounded) until the backend has consumed everything written. */
void console_drain(void);
/* A one-line description of the console in use, for the boot trace. */
const char *console_describe(void);

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list ap);

#endif
