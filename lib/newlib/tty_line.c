/*
 * tty_line.c - canonical input, as a terminal gives it to a program.
 *
 * xenconsoled hands the guest raw keystrokes: Enter arrives as CR, there
 * is no echo and no erase. A C program reading stdin expects lines ending
 * in '\n', so the guest does what a tty driver would: echo, backspace,
 * CR -> LF, and ^D on an empty line as end of file (on a non-empty one it
 * hands out the line so far, without a newline). No #include of the C
 * library: it is unit-tested on the host.
 */
#include "tty_line.h"

#define KEY_EOF 0x04 /* ^D */
#define KEY_BS 0x08
#define KEY_DEL 0x7f

static void echo(struct tty_line *t, const char *s, size_t n)
{
	for (t->echo_len = 0; t->echo_len < n; t->echo_len++)
		t->echo[t->echo_len] = s[t->echo_len];
}

enum tty_event tty_line_key(struct tty_line *t, char c)
{
	t->echo_len = 0;
	if (t->ready) /* take the ready line first: this key is dropped */
		return TTY_READY;
	switch (c) {
	case '\r':
	case '\n':
		t->buf[t->len++] = '\n';
		echo(t, "\r\n", 2);
		t->ready = true;
		return TTY_READY;
	case KEY_EOF:
		if (!t->len)
			return TTY_EOF;
		t->ready = true;
		return TTY_READY;
	case KEY_BS:
	case KEY_DEL:
		if (t->len) {
			t->len--;
			echo(t, "\b \b", 3);
		}
		return TTY_MORE;
	default:
		t->buf[t->len++] = c;
		echo(t, &c, 1);
		/* Full, and the newline needs room too: hand it out now. */
		if (t->len == TTY_LINE_MAX - 1)
			t->ready = true;
		return t->ready ? TTY_READY : TTY_MORE;
	}
}

size_t tty_line_take(struct tty_line *t, char *out, size_t n)
{
	size_t got = 0;

	if (!t->ready)
		return 0;
	while (got < n && t->pos < t->len)
		out[got++] = t->buf[t->pos++];
	if (t->pos == t->len) {
		t->len = t->pos = 0;
		t->ready = false;
	}
	return got;
}
