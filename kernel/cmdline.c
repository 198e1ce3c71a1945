/*
 * cmdline.c - split the guest command line (xl's extra=/cmdline=, or the
 * text after dom0's image name) into kernel options and the app's argv.
 * Rules: kernel/cmdline.h. Pure logic, no hypercall.
 */
#include <pvmini/trace.h>
#include "kernel/cmdline.h"
#include "lib/assert.h"

static const struct {
	const char *name;
	unsigned int flag;
} trace_names[] = {
	{ "boot", TRACE_BOOT },
	{ "devices", TRACE_DEVICES },
	{ "suspend", TRACE_SUSPEND },
};

static int fail(struct cmdline *c, const char *what, const char *word)
{
	snprintf(c->error, sizeof(c->error), "%s%s%s", what, word ? ": " : "",
		 word ? word : "");
	return -1;
}

/* "trace=boot,other": each name must be known; a typo is an error. */
static int parse_trace(struct cmdline *c, const char *list)
{
	while (*list) {
		const char *end = strchr(list, ',');
		size_t len = end ? (size_t)(end - list) : strlen(list);
		size_t i;

		for (i = 0; i < ARRAY_SIZE(trace_names); i++)
			if (strlen(trace_names[i].name) == len &&
			    !strncmp(trace_names[i].name, list, len))
				break;
		if (i == ARRAY_SIZE(trace_names))
			return fail(
				c,
				"unknown trace= flag (known: boot, devices, suspend)",
				list);
		c->trace |= trace_names[i].flag;
		list += len + (end ? 1 : 0);
	}
	return 0;
}

/* "debug=gdb": the one debugger there is; anything else is an error. */
static int parse_debug(struct cmdline *c, const char *what)
{
	if (strcmp(what, "gdb"))
		return fail(c, "unknown debug= value (known: gdb)", what);
	c->debug = DEBUG_GDB;
	return 0;
}

/*
 * Copies the next word from *src into *dst (both advance, *dst stays
 * below dst_end), removing quotes, and points *word at the copy. Returns
 * 1 for a word, 0 at the end, -1 for an open quote.
 */
static int next_word(const char **src, const char *end, char **dst,
		     const char *dst_end, char **word)
{
	const char *s = *src;
	char *d = *dst, quote = 0;

	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++;
	if (s == end || !*s) {
		*src = s;
		return 0;
	}
	*word = d;
	for (; s < end && *s; s++) {
		ASSERT(d < dst_end);
		if (quote && *s == quote)
			quote = 0;
		else if (!quote && (*s == '"' || *s == '\''))
			quote = *s;
		else if (!quote && (*s == ' ' || *s == '\t' || *s == '\n'))
			break;
		else
			*d++ = *s;
	}
	ASSERT(d < dst_end);
	*d++ = '\0';
	*src = s;
	*dst = d;
	return quote ? -1 : 1;
}

int cmdline_parse(struct cmdline *c, const char *line, const char *prog)
{
	const char *src = line, *end = line + strnlen(line, CMDLINE_MAX);
	char *dst = c->buf, *word;
	bool options_done = false;
	int r;

	c->argc = 0;
	c->trace = 0;
	c->debug = DEBUG_NONE;
	c->error[0] = '\0';
	c->argv[c->argc++] = (char *)prog;

	/*
	 * A word's copy is never longer than its source plus a NUL, and words
	 * are separated in the source, so buf (one byte longer than the line)
	 * cannot overflow; next_word ASSERTs it.
	 */
	while ((r = next_word(&src, end, &dst, c->buf + sizeof(c->buf),
			      &word)) > 0) {
		if (!options_done && !strcmp(word, "--")) {
			options_done = true;
			continue;
		}
		if (!options_done && !strncmp(word, "trace=", 6)) {
			if (parse_trace(c, word + 6))
				return -1;
			continue;
		}
		if (!options_done && !strncmp(word, "debug=", 6)) {
			if (parse_debug(c, word + 6))
				return -1;
			continue;
		}
		if (c->argc == CMDLINE_MAX_ARGS)
			return fail(c, "too many arguments (max 63)", NULL);
		c->argv[c->argc++] = word;
	}
	c->argv[c->argc] = NULL;
	if (r < 0)
		return fail(c, "unterminated quote in command line", NULL);
	return 0;
}
