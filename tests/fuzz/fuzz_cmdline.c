/*
 * fuzz_cmdline.c - the guest command line (kernel/cmdline.c): lines built
 * from words that matter (trace=..., debug=..., --, quotes of both kinds, empty
 * quotes, blanks of every kind), sometimes with a NUL inside or longer
 * than CMDLINE_MAX and unterminated, in a heap buffer of exactly their
 * size. The oracle is a reference reading of kernel/cmdline.h's rules, a
 * character-at-a-time state machine, then the option rules: the result,
 * the error (which one, when several apply: the first in the line), the
 * trace flags and every argv string must agree, and argv must point into
 * the struct's own buffer.
 */
#include <ctype.h>
#include <pvmini/trace.h>
#include "kernel/cmdline.h"
#include "fuzz.h"

static char *line;
static size_t line_size;
static struct cmdline *c;

static void dump(void)
{
	printf("  %zu bytes: \"", line_size);
	for (size_t i = 0; i < line_size && i < 400; i++)
		printf(isprint((unsigned char)line[i]) ? "%c" : "\\x%02x",
		       (unsigned char)line[i]);
	printf("\"%s\n", line_size > 400 ? "..." : "");
}

static char text[CMDLINE_MAX + 256];
static size_t text_len;

static void add(const char *s)
{
	while (*s && text_len < sizeof(text))
		text[text_len++] = *s++;
}

static void add_blanks(void)
{
	for (unsigned int n = 1 + fz_below(fz_chance(90) ? 2 : 4); n; n--)
		add((const char *[]){ " ", "\t", "\n" }[fz_below(3)]);
}

static void add_word(void)
{
	static const char *const vocabulary[] = { "trace=boot",
						  "trace=devices",
						  "trace=boot,devices",
						  "trace=suspend,boot",
						  "trace=bogus",
						  "trace=",
						  "trace=boot,",
						  "trace=,boot",
						  "trace=boot,,devices",
						  "debug=gdb",
						  "debug=",
						  "debug=gdbx",
						  "--",
						  "--",
						  "-",
						  "hello",
						  "a=b" };
	char word[24];
	size_t n;

	if (fz_chance(60)) {
		snprintf(word, sizeof(word), "%s",
			 vocabulary[fz_below(sizeof(vocabulary) /
					     sizeof(*vocabulary))]);
	} else {
		n = fz_below(sizeof(word));
		for (size_t i = 0; i < n; i++)
			word[i] = "ab=,- \"'"[fz_below(fz_chance(80) ? 5 : 8)];
		word[n] = '\0';
	}
	switch (fz_below(6)) { /* how it is quoted */
	case 0:
		add("\"");
		add(word);
		add("\"");
		break;
	case 1: /* a quoted blank mid-word: "ab' x'" is one word */
		word[strlen(word) / 2] = '\0';
		add(word);
		add(fz_chance(50) ? "' x'" : "\"\t'\"");
		break;
	case 2:
		add(fz_chance(50) ? "''" : "\"\""); /* an empty word */
		break;
	default:
		add(word);
	}
}

/* The rules of kernel/cmdline.h, one character at a time. */
struct ref {
	char words[CMDLINE_MAX][CMDLINE_MAX + 1];
	size_t nwords;
	bool open_quote;
};

static void reference_words(const char *s, size_t len, struct ref *r)
{
	char quote = 0, *cur = NULL;
	size_t at = 0;

	r->nwords = 0;
	for (size_t i = 0; i < len && s[i]; i++) {
		char ch = s[i];

		if (quote) {
			if (ch == quote)
				quote = 0;
			else
				cur[at++] = ch;
		} else if (ch == ' ' || ch == '\t' || ch == '\n') {
			if (cur) {
				cur[at] = '\0';
				r->nwords++;
				cur = NULL;
			}
		} else {
			if (!cur) {
				cur = r->words[r->nwords];
				at = 0;
			}
			if (ch == '"' || ch == '\'')
				quote = ch;
			else
				cur[at++] = ch;
		}
	}
	r->open_quote = quote != 0;
	if (cur && !quote) {
		cur[at] = '\0';
		r->nwords++;
	}
}

/* "boot,devices,suspend": 0 with *flags, or -1 for an unknown or empty name
 * (one trailing comma is allowed: nothing follows it). */
static int reference_trace(const char *list, unsigned int *flags)
{
	while (*list) {
		size_t n = strcspn(list, ",");

		if (n == 4 && !strncmp(list, "boot", 4))
			*flags |= TRACE_BOOT;
		else if (n == 7 && !strncmp(list, "devices", 7))
			*flags |= TRACE_DEVICES;
		else if (n == 7 && !strncmp(list, "suspend", 7))
			*flags |= TRACE_SUSPEND;
		else
			return -1;
		list += n + (list[n] == ',');
	}
	return 0;
}

FUZZ(lines_vs_reference, 50000)
{
	static struct ref r;
	const char *argv[CMDLINE_MAX_ARGS], *want_error = NULL;
	unsigned int flags = 0;
	bool options = true, debug = false;
	int argc = 1, rc;
	size_t view;

	text_len = 0;
	if (fz_chance(50))
		add_blanks();
	if (fz_chance(10)) { /* around CMDLINE_MAX_ARGS arguments */
		add("-- ");
		for (unsigned int n = 56 + fz_below(16); n; n--)
			add(fz_chance(98) ? "w " : "'' ");
	}
	for (unsigned int n = fz_below(fz_chance(90) ? 12 : 80); n; n--) {
		add_word();
		add_blanks();
	}
	if (fz_chance(10)) /* an open quote at the end */
		add(fz_chance(50) ? "'abc" : "\"x");
	if (fz_chance(5) && text_len)
		text[fz_below(text_len)] = '\0';
	if (fz_chance(5)) /* past the limit, with no NUL at all */
		while (text_len < CMDLINE_MAX + 1 + fz_below(64))
			text[text_len++] = "a "[fz_below(2)];
	line_size = text_len >= CMDLINE_MAX ? text_len : text_len + 1;
	line = malloc(line_size);
	memcpy(line, text, text_len);
	if (line_size > text_len)
		line[text_len] = '\0';
	c = malloc(sizeof(*c));
	fz_dump = dump;

	rc = cmdline_parse(c, line, "prog");
	view = strnlen(line, CMDLINE_MAX);
	reference_words(line, view, &r);
	for (size_t i = 0; i < r.nwords && !want_error; i++) {
		const char *w = r.words[i];

		if (options && !strcmp(w, "--"))
			options = false;
		else if (options && !strncmp(w, "trace=", 6)) {
			if (reference_trace(w + 6, &flags))
				want_error = "unknown trace=";
		} else if (options && !strncmp(w, "debug=", 6)) {
			if (strcmp(w + 6, "gdb"))
				want_error = "unknown debug=";
			else
				debug = true;
		} else if (argc == CMDLINE_MAX_ARGS)
			want_error = "too many arguments";
		else
			argv[argc++] = w;
	}
	if (!want_error && r.open_quote)
		want_error = "unterminated quote";
	if (want_error) {
		FZ_CHECK(rc == -1 && strstr(c->error, want_error),
			 "rc %d error \"%s\", want \"%s\"", rc, c->error,
			 want_error);
	} else {
		FZ_CHECK(rc == 0 && !c->error[0], "rc %d error \"%s\"", rc,
			 c->error);
		FZ_CHECK(c->argc == argc && !c->argv[argc], "argc %d, want %d",
			 c->argc, argc);
		FZ_CHECK(c->trace == flags, "trace %#x, want %#x", c->trace,
			 flags);
		FZ_CHECK(c->debug == (debug ? DEBUG_GDB : DEBUG_NONE),
			 "debug %d, want %d", c->debug, debug);
		FZ_CHECK(!strcmp(c->argv[0], "prog"), "argv[0]");
		for (int i = 1; i < argc; i++) {
			FZ_CHECK(c->argv[i] >= c->buf &&
					 c->argv[i] + strlen(c->argv[i]) <
						 c->buf + sizeof(c->buf),
				 "argv[%d] outside buf", i);
			FZ_CHECK(!strcmp(c->argv[i], argv[i]),
				 "argv[%d] \"%s\", want \"%s\"", i, c->argv[i],
				 argv[i]);
		}
	}
	free(c);
	free(line);
}
