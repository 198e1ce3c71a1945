/*
 * bytes_pattern.h - what GET /bytes/N sends: the first N bytes of an
 * endless text of 16-byte lines, each line its own offset in the text
 * as 15 lowercase hex digits and a newline:
 *
 *     000000000000000\n 000000000000010\n 000000000000020\n ...
 *
 * So byte o is '\n' if o % 16 == 15, else hex digit o % 16 of the
 * 15-digit offset o - o % 16. A checker needs no copy: any line names
 * where it belongs, and a lost, doubled or swapped piece shows at once
 * (busybox: awk '$0 != sprintf("%015x", (NR - 1) * 16)'). Pure code.
 */
#ifndef HTTPD_BYTES_PATTERN_H
#define HTTPD_BYTES_PATTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BYTES_LINE 16
#define BYTES_MAX (1ULL << 40) /* the largest N: 1 TiB */

/* The pattern's bytes off .. off+len-1 into buf. */
void bytes_fill(char *buf, uint64_t off, size_t len);
/* The index of the first byte of buf[0..len) that is not the pattern
 * at offset off, or len if all are. */
size_t bytes_check(const char *buf, uint64_t off, size_t len);
/* N from a decoded path "/bytes/N" (decimal digits, N <= BYTES_MAX);
 * false for any other path. */
bool bytes_parse(const char *path, uint64_t *n);

#endif
