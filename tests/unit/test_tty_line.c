/*
 * test_tty_line.c - stdin's line discipline (lib/newlib/tty_line.c):
 * what a read() of stdin returns for given keystrokes, and what is echoed.
 */
#include "../../lib/newlib/tty_line.h"
#include "unit.h"

/* Feeds keys; collects the echo; returns the last event. */
static enum tty_event feed(struct tty_line *t, const char *keys, char *echo)
{
	enum tty_event ev = TTY_MORE;

	echo[0] = 0;
	for (; *keys; keys++) {
		ev = tty_line_key(t, *keys);
		strncat(echo, t->echo, t->echo_len);
	}
	return ev;
}

TEST(enter_ends_a_line_as_newline)
{
	struct tty_line t = { 0 };
	char echo[64], out[64] = { 0 };

	CHECK(feed(&t, "12 3", echo) == TTY_MORE);
	CHECK(tty_line_take(&t, out, sizeof(out)) == 0); /* not yet */
	CHECK(feed(&t, "\r", echo) == TTY_READY);
	CHECK_STR(echo, "\r\n");
	CHECK(tty_line_take(&t, out, sizeof(out)) == 5);
	CHECK_STR(out, "12 3\n");
	CHECK(!t.ready && t.len == 0);
}

TEST(echo_and_backspace)
{
	struct tty_line t = { 0 };
	char echo[64], out[64] = { 0 };

	feed(&t,
	     "ab\x7f"
	     "c\b\bd\n",
	     echo);
	CHECK_STR(echo, "ab\b \bc\b \b\b \bd\r\n");
	CHECK(tty_line_take(&t, out, sizeof(out)) == 2);
	CHECK_STR(out, "d\n");
	/* Erasing an empty line echoes nothing. */
	feed(&t, "\x7f", echo);
	CHECK_STR(echo, "");
}

TEST(ctrl_d_is_eof_on_an_empty_line_only)
{
	struct tty_line t = { 0 };
	char echo[64], out[64] = { 0 };

	CHECK(feed(&t, "\x04", echo) == TTY_EOF);
	CHECK(feed(&t, "7\x04", echo) == TTY_READY);
	CHECK(tty_line_take(&t, out, sizeof(out)) == 1);
	CHECK_STR(out, "7"); /* the line so far, no newline */
	CHECK(feed(&t, "\x04", echo) == TTY_EOF);
}

TEST(small_reads_take_a_line_in_pieces)
{
	struct tty_line t = { 0 };
	char echo[64], out[8] = { 0 };

	feed(&t, "hello\n", echo);
	CHECK(tty_line_take(&t, out, 4) == 4);
	out[4] = 0;
	CHECK_STR(out, "hell");
	CHECK(t.ready);
	CHECK(tty_line_take(&t, out, 4) == 2);
	out[2] = 0;
	CHECK_STR(out, "o\n");
	CHECK(!t.ready);
}

TEST(a_full_line_is_handed_out_not_overrun)
{
	struct tty_line t = { 0 };
	char out[TTY_LINE_MAX + 8];
	enum tty_event ev = TTY_MORE;
	int keys = 0;

	while (ev == TTY_MORE && keys < 2 * TTY_LINE_MAX) {
		ev = tty_line_key(&t, 'x');
		keys++;
	}
	CHECK(ev == TTY_READY);
	CHECK(keys == TTY_LINE_MAX - 1);
	/* Keys while a line waits to be taken are dropped, not stored. */
	CHECK(tty_line_key(&t, 'y') == TTY_READY);
	CHECK(tty_line_take(&t, out, sizeof(out)) == TTY_LINE_MAX - 1);
	CHECK(out[TTY_LINE_MAX - 2] == 'x');
}
