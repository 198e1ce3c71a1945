/*
 * bytes_pattern.c - the /bytes/N text (bytes_pattern.h). bytes_fill
 * writes whole lines and steps from one to the next by adding 1 to its
 * digits (16 to the offset), so that a sender of a gigabyte does no
 * division per line; bytes_check reads each byte the other way, from
 * its offset alone.
 */
#include <string.h>

#include <pvmini/lib.h>

#include "bytes_pattern.h"

static const char digits[] = "0123456789abcdef";

static void format_line(char line[BYTES_LINE], uint64_t start)
{
	for (int i = BYTES_LINE - 2; i >= 0; i--, start >>= 4)
		line[i] = digits[start & 15];
	line[BYTES_LINE - 1] = '\n';
}

/* The next line's text: its offset is 16 more, so digit 13 goes up. */
static void next_line(char line[BYTES_LINE])
{
	for (int i = BYTES_LINE - 3; i >= 0; i--) {
		if (line[i] != 'f') {
			line[i] = line[i] == '9' ? 'a' : line[i] + 1;
			return;
		}
		line[i] = '0';
	}
}

void bytes_fill(char *buf, uint64_t off, size_t len)
{
	char line[BYTES_LINE];
	size_t col = off % BYTES_LINE;

	format_line(line, off - col);
	while (len) {
		size_t n = BYTES_LINE - col < len ? BYTES_LINE - col : len;

		memcpy(buf, line + col, n);
		buf += n;
		len -= n;
		col = 0;
		next_line(line);
	}
}

size_t bytes_check(const char *buf, uint64_t off, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint64_t o = off + i;
		unsigned int col = o % BYTES_LINE;
		char want =
			col == BYTES_LINE - 1
				? '\n'
				: digits[(o - col) >> (4 * (14 - col)) & 15];

		if (buf[i] != want)
			return i;
	}
	return len;
}

bool bytes_parse(const char *path, uint64_t *n)
{
	static const char prefix[] = "/bytes/";
	unsigned long x;

	if (strncmp(path, prefix, sizeof(prefix) - 1) ||
	    parse_ulong(path + sizeof(prefix) - 1, BYTES_MAX, &x))
		return false;
	*n = x;
	return true;
}
