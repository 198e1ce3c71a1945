/*
 * chanecho - a line service on a Xen channel: the PV console device
 * the cfg names org.pvmini.echo (or argv[1]). Each line a peer in dom0
 * sends is answered on the channel:
 *   help           the commands
 *   lines N        N numbered lines back ("chanecho line 00000" ...)
 *   count ... end  counts the lines between, checks they are numbered
 *                  "input line 00000" on, answers "counted N lines ..."
 *   stats          byte and event counts, and how long (guest clock)
 *                  the last "lines" and "count" took
 *   reopen         closes the channel and connects it again, then
 *                  answers "reopened" (lost on a pty: docs/consoles.md)
 *   quit           answers "bye", closes the channel, exits 0
 *   anything else  echoed back as "echo: <line>"
 * The main console tells what happened, for whoever watches the domain.
 */
#include <pvmini.h>

#define LINE_MAX 256

static struct console_dev *chan;
static unsigned long lines_in, bytes_in;
static bool counting;
static unsigned long counted, counted_bytes, count_bad;
/* Guest-clock duration of the last "lines" and "count", for "stats". */
static uint64_t count_start, count_ns, lines_ns;
static unsigned long lines_bytes;

static int say(const char *fmt, ...) __printf(1, 2);
static int say(const char *fmt, ...)
{
	char buf[LINE_MAX + 32];
	va_list ap;
	int n;
	long rc;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	rc = console_dev_write(chan, buf, (size_t)n);
	if (rc != n) {
		printk("chanecho: writing to the channel: %s\n",
		       rc < 0 ? xs_error_name((int)rc) : "short write");
		return -1;
	}
	return 0;
}

/* One line; returns 1 when the peer said quit, -1 if the channel broke. */
static int handle(const char *line)
{
	char want[32];

	if (counting) {
		if (!strcmp(line, "end")) {
			counting = false;
			count_ns = monotonic_ns() - count_start;
			printk("chanecho: counted %lu lines, %lu bytes, %lu "
			       "out of order\n",
			       counted, counted_bytes, count_bad);
			return say("counted %lu lines, %lu bytes, %lu out of "
				   "order\n",
				   counted, counted_bytes, count_bad);
		}
		snprintf(want, sizeof(want), "input line %05lu", counted);
		if (strncmp(line, want, strlen(want)))
			count_bad++;
		counted++;
		counted_bytes += strlen(line) + 1;
		return 0;
	}
	printk("chanecho: got '%s'\n", line);
	if (!strcmp(line, "reopen")) { /* a full disconnect and handshake */
		unsigned int id = console_dev_id(chan);
		int rc = console_dev_close(chan);

		if (!rc)
			rc = console_dev_open(id, &chan);
		printk("chanecho: closed and reopened console %u: %s\n", id,
		       rc ? xs_error_name(rc) : "ok");
		return rc ? -1 : say("reopened\n");
	}
	if (!strcmp(line, "quit"))
		return say("bye\n") ? -1 : 1;
	if (!strcmp(line, "help"))
		return say("commands: help, lines N, count ... end, stats, "
			   "reopen, quit; anything else is echoed\n");
	if (!strcmp(line, "count")) {
		counting = true;
		counted = counted_bytes = count_bad = 0;
		count_start = monotonic_ns();
		return 0;
	}
	if (!strncmp(line, "lines ", 6)) {
		unsigned long n = 0;
		uint64_t t0 = monotonic_ns();

		if (parse_ulong(line + 6, 1000000, &n))
			n = 0; /* not a number: no lines */
		for (unsigned long i = 0; i < n; i++)
			if (say("chanecho line %05lu\n", i))
				return -1;
		lines_ns = monotonic_ns() - t0;
		lines_bytes = n * 20;
		printk("chanecho: sent %lu lines\n", n);
		return 0;
	}
	if (!strcmp(line, "stats")) {
		struct console_dev_stats st;

		console_dev_get_stats(chan, &st);
		return say("stats: out %lu bytes, %lu notifies, %lu kicks; in "
			   "%lu bytes, %lu events; lines: %lu bytes in %lu us; "
			   "count: %lu bytes in %lu us\n",
			   st.bytes_out, st.notifies, st.kicks, st.bytes_in,
			   st.events, lines_bytes,
			   (unsigned long)(lines_ns / 1000), counted_bytes,
			   (unsigned long)(count_ns / 1000));
	}
	return say("echo: %s\n", line);
}

static int serve(void)
{
	char buf[512], line[LINE_MAX];
	size_t len = 0;

	for (;;) {
		long n = console_dev_read(chan, buf, sizeof(buf));

		if (n <= 0) {
			printk("chanecho: the channel %s\n",
			       n ? xs_error_name((int)n) : "closed");
			return -1;
		}
		bytes_in += (unsigned long)n;
		for (long i = 0; i < n; i++) {
			int rc;

			if (buf[i] == '\r')
				continue;
			if (buf[i] != '\n') {
				if (len < sizeof(line) - 1)
					line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			len = 0;
			lines_in++;
			rc = handle(line);
			if (rc)
				return rc > 0 ? 0 : -1;
		}
	}
}

int main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "org.pvmini.echo";
	unsigned int ids[16];
	char have[64];
	int n, rc;

	n = console_dev_list(ids, ARRAY_SIZE(ids));
	if (n < 0) {
		printk("chanecho: listing console devices: %s\n",
		       xs_error_name(n));
		return 1;
	}
	for (int i = 0; i < n && i < (int)ARRAY_SIZE(ids); i++)
		if (!console_dev_name_of(ids[i], have, sizeof(have)))
			printk("chanecho: console %u is '%s'\n", ids[i], have);
	rc = console_dev_open_name(name, &chan);
	if (rc) {
		printk("chanecho: cannot open the channel '%s': %s\n", name,
		       xs_error_name(rc));
		return 1;
	}
	printk("chanecho: ready on console %u (%s)\n", console_dev_id(chan),
	       console_dev_name(chan));
	rc = serve();
	printk("chanecho: %lu lines, %lu bytes received\n", lines_in, bytes_in);
	if (rc)
		return 1;
	rc = console_dev_close(chan);
	printk("chanecho: channel closed%s%s\n", rc ? ": " : "",
	       rc ? xs_error_name(rc) : "");
	return rc ? 1 : 0;
}
