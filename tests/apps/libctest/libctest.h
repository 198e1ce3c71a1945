/* libctest.h - the checks of libctest, one file per area. */
#ifndef LIBCTEST_H
#define LIBCTEST_H

extern int failures;
/* Counts a failure and prints "WRONG: what" unless ok. */
void check(int ok, const char *what);

void check_malloc(void);  /* malloc.c */
void check_sse(void);	  /* sse.c */
void check_threads(void); /* threads.c */
void check_detached_threads(void);
void check_complex(void); /* complex.c */

#endif
