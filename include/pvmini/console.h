/*
 * console.h - where the kernel's and the application's text goes.
 * dom0 writes through Xen's console (console_io); a domU writes into the
 * shared console ring that xenconsoled drains
 * (kernel/drivers/console/console.c); printk formats (lib/printk.c).
 */
#ifndef PVMINI_CONSOLE_H
#define PVMINI_CONSOLE_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>

void console_write(const char *s, size_t n);
/* Copies up to n bytes of pending console input; 0 if none. Never waits. */
size_t console_read(char *buf, size_t n);
/* Blocks until at least one byte is there (console_input.c). */
size_t console_read_wait(char *buf, size_t n);
/* Waits (bounded) until the backend has consumed everything written. */
void console_drain(void);

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list ap);

#endif
