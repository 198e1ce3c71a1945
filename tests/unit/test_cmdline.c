/* test_cmdline.c - splitting the guest command line (kernel/cmdline.c). */
#include <pvmini/trace.h>
#include "kernel/cmdline.h"
#include "unit.h"

static struct cmdline c;

TEST(empty_line_gives_only_argv0)
{
	CHECK(cmdline_parse(&c, "", "app") == 0);
	CHECK(c.argc == 1);
	CHECK_STR(c.argv[0], "app");
	CHECK(c.argv[1] == NULL);
	CHECK(c.trace == 0);
}

TEST(words_split_on_blanks)
{
	CHECK(cmdline_parse(&c, "  one\ttwo   three ", "app") == 0);
	CHECK(c.argc == 4);
	CHECK_STR(c.argv[1], "one");
	CHECK_STR(c.argv[2], "two");
	CHECK_STR(c.argv[3], "three");
	CHECK(c.argv[4] == NULL);
}

TEST(quotes_group_and_vanish)
{
	CHECK(cmdline_parse(&c, "a \"b c\" 'd \"e\"' f\"g h\"i ''", "app") ==
	      0);
	CHECK(c.argc == 6);
	CHECK_STR(c.argv[1], "a");
	CHECK_STR(c.argv[2], "b c");
	CHECK_STR(c.argv[3], "d \"e\"");
	CHECK_STR(c.argv[4], "fg hi");
	CHECK_STR(c.argv[5], "");
}

TEST(trace_is_the_kernels)
{
	CHECK(cmdline_parse(&c, "trace=boot x", "app") == 0);
	CHECK(c.trace == TRACE_BOOT);
	CHECK(c.argc == 2);
	CHECK_STR(c.argv[1], "x");
}

TEST(after_double_dash_everything_is_the_apps)
{
	CHECK(cmdline_parse(&c, "a -- trace=boot -- b", "app") == 0);
	CHECK(c.trace == 0);
	CHECK(c.argc == 5);
	CHECK_STR(c.argv[1], "a");
	CHECK_STR(c.argv[2], "trace=boot");
	CHECK_STR(c.argv[3], "--");
	CHECK_STR(c.argv[4], "b");
}

TEST(unknown_trace_flag_is_an_error)
{
	CHECK(cmdline_parse(&c, "trace=boot,bogus", "app") == -1);
	CHECK(strstr(c.error, "bogus") != NULL);
}

TEST(trace_flags_combine)
{
	CHECK(cmdline_parse(&c, "trace=devices", "app") == 0);
	CHECK(c.trace == TRACE_DEVICES);
	CHECK(cmdline_parse(&c, "trace=boot,devices", "app") == 0);
	CHECK(c.trace == (TRACE_BOOT | TRACE_DEVICES));
	CHECK(cmdline_parse(&c, "trace=suspend,boot", "app") == 0);
	CHECK(c.trace == (TRACE_SUSPEND | TRACE_BOOT));
}

TEST(unterminated_quote_is_an_error)
{
	CHECK(cmdline_parse(&c, "a \"b c", "app") == -1);
	CHECK(strstr(c.error, "quote") != NULL);
}

TEST(too_many_arguments_is_an_error)
{
	char line[CMDLINE_MAX] = "";

	for (int i = 0; i < CMDLINE_MAX_ARGS; i++)
		strcat(line, "x ");
	CHECK(cmdline_parse(&c, line, "app") == -1);
	CHECK(strstr(c.error, "too many") != NULL);
	line[2 * (CMDLINE_MAX_ARGS - 1)] = '\0'; /* 63 words: fits */
	CHECK(cmdline_parse(&c, line, "app") == 0);
	CHECK(c.argc == CMDLINE_MAX_ARGS);
}

TEST(full_line_without_nul_stays_in_bounds)
{
	static char line[CMDLINE_MAX + 16];

	memset(line, 'a', sizeof(line));
	CHECK(cmdline_parse(&c, line, "app") == 0);
	CHECK(c.argc == 2);
	CHECK(strlen(c.argv[1]) == CMDLINE_MAX);
}

TEST(debug_gdb_is_the_kernels)
{
	CHECK(cmdline_parse(&c, "x debug=gdb y", "app") == 0);
	CHECK(c.debug == DEBUG_GDB);
	CHECK(c.argc == 3);
	CHECK_STR(c.argv[1], "x");
	CHECK_STR(c.argv[2], "y");
	CHECK(cmdline_parse(&c, "x", "app") == 0);
	CHECK(c.debug == DEBUG_NONE);
}

TEST(debug_after_double_dash_is_the_apps)
{
	CHECK(cmdline_parse(&c, "-- debug=gdb", "app") == 0);
	CHECK(c.debug == DEBUG_NONE);
	CHECK(c.argc == 2);
	CHECK_STR(c.argv[1], "debug=gdb");
}

TEST(unknown_debug_value_is_an_error)
{
	CHECK(cmdline_parse(&c, "debug=kgdb", "app") == -1);
	CHECK(strstr(c.error, "debug=") != NULL);
	CHECK(strstr(c.error, "kgdb") != NULL);
	CHECK(cmdline_parse(&c, "debug=", "app") == -1);
}
