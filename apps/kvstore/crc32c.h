/*
 * crc32c.h - CRC-32C (Castagnoli, reflected polynomial 0x82f63b78), the
 * checksum of kvstore's log records and header (docs/blk.md). Chosen
 * over CRC-32 for its better detection of the burst errors a torn or
 * stale sector produces; computed by table, no CPU instruction needed.
 */
#ifndef KVSTORE_CRC32C_H
#define KVSTORE_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* crc32c(0, p, n) is the checksum of p[0..n); feed the result back in as
 * crc to continue over more bytes. crc32c(0, "123456789", 9) is
 * 0xe3069283. */
uint32_t crc32c(uint32_t crc, const void *p, size_t n);

#endif
