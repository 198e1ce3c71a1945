/*
 * lib.h - the freestanding C library the kernel carries: strings, memory,
 * formatted output into buffers. No hypercall lives behind any of these,
 * so they are unit-tested on the host as they are.
 */
#ifndef PVMINI_LIB_H
#define PVMINI_LIB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __printf(f, a) __attribute__((format(printf, f, a)))
#define __noreturn __attribute__((noreturn))
/* Spelled exactly as newlib's sys/cdefs.h does: both may be included. */
#define __unused __attribute__((__unused__))

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);

/* A decimal number of at most max: digits only (no sign, no blanks, not
 * empty). Returns 0 with *out set, or -1 (*out untouched). */
int parse_ulong(const char *s, unsigned long max, unsigned long *out);
/* An app's "key=N" argument: 0 with *out set if arg is key, '=' and a
 * number parse_ulong takes; -1 otherwise (*out untouched). */
int parse_key_ulong(const char *arg, const char *key, unsigned long max,
		    unsigned long *out);
/* 0..15 for a hex digit (either case), -1 for anything else. */
int hex_digit_value(int c);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif
