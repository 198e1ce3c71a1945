/*
 * cmdline.h - the guest command line, split into kernel options and the
 * application's argv.
 *
 * Words are separated by blanks; single or double quotes group words and
 * are removed. Before a lone `--`, words the kernel knows (trace=...,
 * debug=...) are the kernel's; every other word, and everything after
 * `--`, goes to the application in order. Pure logic: unit-tested on the
 * host.
 */
#ifndef PVMINI_CMDLINE_H
#define PVMINI_CMDLINE_H

#include <pvmini/lib.h>

#define CMDLINE_MAX 1024 /* MAX_GUEST_CMDLINE */
#define CMDLINE_MAX_ARGS 64

/* debug=: which debugger the kernel starts before main (docs/debug.md). */
enum cmdline_debug {
	DEBUG_NONE,
	DEBUG_GDB, /* debug=gdb: the gdb stub on the channel org.pvmini.gdb */
};

struct cmdline {
	char buf[CMDLINE_MAX + 1];
	int argc;
	char *argv[CMDLINE_MAX_ARGS + 1]; /* argv[argc] == NULL */
	unsigned int trace;		  /* TRACE_* flags */
	enum cmdline_debug debug;	  /* debug= */
	char error[96];			  /* set when parsing fails */
};

/*
 * Parses `line` (at most CMDLINE_MAX bytes are looked at; it need not be
 * NUL-terminated). argv[0] is `prog`. Returns 0, or -1 with c->error set.
 */
int cmdline_parse(struct cmdline *c, const char *line, const char *prog);

#endif
