/* tty.h - stdin from the console (tty.c). */
#ifndef LIBC_TTY_H
#define LIBC_TTY_H

#include <stddef.h>

/* Blocks until a line (or end of file: 0) is there; returns its bytes. */
int tty_read(char *buf, size_t n);

#endif
