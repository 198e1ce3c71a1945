/* tty.h - the console as fds 0 (stdin) and 1, 2 (stdout, stderr): tty.c. */
#ifndef LIBC_TTY_H
#define LIBC_TTY_H

#include "fd.h"

extern const struct fd_ops tty_in_ops, tty_out_ops;

#endif
