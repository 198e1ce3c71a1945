/*
 * unit.h - a tiny host unit-test harness. A test file defines TEST(name)
 * functions and includes this header once; the harness runs each and
 * prints "PASS name" or "FAIL name: file:line: what", which tests/run
 * counts.
 *
 * It is also the host's end of pvmini's ASSERT (lib/assert.h): a failed
 * invariant inside the code under test fails the running test with its
 * file:line and expression, and the next test runs. CHECK_ASSERTS(stmt)
 * checks that stmt does trip an ASSERT.
 */
#ifndef UNIT_H
#define UNIT_H

#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include "lib/assert.h"

struct unit_test {
	const char *name;
	void (*fn)(void);
};

static struct unit_test unit_tests[256];
static int unit_count, unit_failed_now;

#define TEST(name)                                                             \
	static void name(void);                                                \
	__attribute__((constructor)) static void register_##name(void)         \
	{                                                                      \
		unit_tests[unit_count++] = (struct unit_test){ #name, name };  \
	}                                                                      \
	static void name(void)

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printf("FAIL %s: %s:%d: %s\n", unit_current, __FILE__, \
			       __LINE__, #cond);                               \
			unit_failed_now = 1;                                   \
			return;                                                \
		}                                                              \
	} while (0)

#define CHECK_STR(got, want)                                                   \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (!g_ || strcmp(g_, w_)) {                                   \
			printf("FAIL %s: %s:%d: got \"%s\", want \"%s\"\n",    \
			       unit_current, __FILE__, __LINE__,               \
			       g_ ? g_ : "(null)", w_);                        \
			unit_failed_now = 1;                                   \
			return;                                                \
		}                                                              \
	} while (0)

static const char *unit_current;
/* Where a failed ASSERT goes: back into main, or into CHECK_ASSERTS. */
static jmp_buf unit_assert_main, unit_assert_expected;
static int unit_assert_armed;

__noreturn void assert_failed(const char *file, int line, const char *expr)
{
	if (unit_assert_armed) {
		unit_assert_armed = 0;
		longjmp(unit_assert_expected, 1);
	}
	printf("FAIL %s: %s:%d: ASSERT(%s) failed\n", unit_current, file, line,
	       expr);
	unit_failed_now = 1;
	longjmp(unit_assert_main, 1);
}

#define CHECK_ASSERTS(stmt)                                                    \
	do {                                                                   \
		if (!setjmp(unit_assert_expected)) {                           \
			unit_assert_armed = 1;                                 \
			stmt;                                                  \
			unit_assert_armed = 0;                                 \
			printf("FAIL %s: %s:%d: %s tripped no ASSERT\n",       \
			       unit_current, __FILE__, __LINE__, #stmt);       \
			unit_failed_now = 1;                                   \
			return;                                                \
		}                                                              \
	} while (0)

static void unit_run(void (*fn)(void))
{
	if (!setjmp(unit_assert_main))
		fn();
}

int main(void)
{
	int failed = 0;

	for (int i = 0; i < unit_count; i++) {
		unit_current = unit_tests[i].name;
		unit_failed_now = 0;
		unit_run(unit_tests[i].fn);
		if (!unit_failed_now)
			printf("PASS %s\n", unit_current);
		failed += unit_failed_now;
	}
	return failed != 0;
}

#endif
