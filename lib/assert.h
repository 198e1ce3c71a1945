/*
 * assert.h - ASSERT(expr): an invariant the code relies on, always
 * checked. A false one is a bug in pvmini, never bad input (bad input
 * gets a message and a refusal, not an ASSERT).
 *
 * assert_failed() says where and what, then stops, in whatever build the
 * file is in: the kernel's (lib/assert.c) panics; the host's, for pure
 * files in unit tests and fuzz harnesses (tests/unit/unit.h,
 * tests/fuzz/fuzz.h), fails the test with the same file:line and
 * expression.
 */
#ifndef LIB_ASSERT_H
#define LIB_ASSERT_H

#include <pvmini/lib.h>

__noreturn void assert_failed(const char *file, int line, const char *expr);

#define ASSERT(expr)                                                           \
	(__builtin_expect(!!(expr), 1)                                         \
		 ? (void)0                                                     \
		 : assert_failed(__FILE__, __LINE__, #expr))

#endif
