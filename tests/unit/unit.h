/*
 * unit.h - a tiny host unit-test harness. A test file defines TEST(name)
 * functions and includes this header once; the harness runs each and
 * prints "PASS name" or "FAIL name: file:line: what", which tests/run
 * counts.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

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

int main(void)
{
	int failed = 0;

	for (int i = 0; i < unit_count; i++) {
		unit_current = unit_tests[i].name;
		unit_failed_now = 0;
		unit_tests[i].fn();
		if (!unit_failed_now)
			printf("PASS %s\n", unit_current);
		failed += unit_failed_now;
	}
	return failed != 0;
}

#endif
