/*
 * tty_line.h - the line discipline of stdin, kept apart from the console
 * so that host unit tests can drive it (tests/unit/test_tty_line.c).
 */
#ifndef LIBC_TTY_LINE_H
#define LIBC_TTY_LINE_H

#include <stdbool.h>
#include <stddef.h>

#define TTY_LINE_MAX 256

struct tty_line {
	char buf[TTY_LINE_MAX];
	size_t len;   /* bytes of the line being typed, or ready */
	size_t pos;   /* bytes of a ready line already handed out */
	bool ready;   /* the line is complete: hand it out */
	char echo[4]; /* what to show for the last key */
	size_t echo_len;
};

enum tty_event { TTY_MORE, TTY_READY, TTY_EOF };

/* Takes one key; says whether a line is now ready, or ^D ended input. */
enum tty_event tty_line_key(struct tty_line *t, char c);
/* Hands out up to n bytes of the ready line; the next line starts after. */
size_t tty_line_take(struct tty_line *t, char *out, size_t n);

#endif
