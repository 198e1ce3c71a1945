/*
 * gdb_packet.h - the framing of gdb's remote serial protocol, and the hex
 * that fills its packets. Pure (kernel/debug/gdb_packet.c): unit-tested
 * and fuzzed on the host.
 *
 * A packet is `$payload#cc`: cc is the modulo-256 sum of the payload's
 * bytes as sent, in two hex digits. In the payload `}` escapes the next
 * byte, which is the real one XOR 0x20 ($, #, } and * travel that way).
 * Outside a packet, `+` and `-` acknowledge (or ask again for) the last
 * packet, and a lone 0x03 byte is gdb's Ctrl-C.
 */
#ifndef KERNEL_DEBUG_GDB_PACKET_H
#define KERNEL_DEBUG_GDB_PACKET_H

#include <pvmini/lib.h>

/* The largest payload either side sends (qSupported's PacketSize). */
#define GDB_PACKET_MAX 4096

enum gdb_rx_event {
	GDB_RX_NONE,	  /* nothing complete yet */
	GDB_RX_PACKET,	  /* a packet with a good checksum: rx->buf */
	GDB_RX_BAD,	  /* a packet with a bad checksum, or too long */
	GDB_RX_INTERRUPT, /* 0x03 outside a packet */
	GDB_RX_ACK,	  /* + */
	GDB_RX_NAK,	  /* - */
};

struct gdb_rx {
	enum { RX_IDLE, RX_DATA, RX_ESCAPE, RX_SUM1, RX_SUM2 } state;
	uint8_t sum;   /* of the bytes received */
	uint8_t want;  /* the sum the packet names */
	bool too_long; /* more than GDB_PACKET_MAX payload bytes */
	size_t len;    /* payload bytes in buf, escapes undone */
	char buf[GDB_PACKET_MAX + 1]; /* NUL-terminated at GDB_RX_PACKET */
};

void gdb_rx_reset(struct gdb_rx *rx);
/* Takes one received byte. A `$` anywhere starts a packet afresh (what
 * came before was noise or a packet cut short). */
enum gdb_rx_event gdb_rx_byte(struct gdb_rx *rx, uint8_t b);

uint8_t gdb_checksum(const void *p, size_t n);
/* Frames payload as $payload#cc into out, escaping $ # } *; returns the
 * length written (no NUL), or 0 if it does not fit in size. */
size_t gdb_frame(const char *payload, size_t len, char *out, size_t size);

/* Two lower-case hex digits per byte into out, NUL-terminated; returns
 * the digits written, or 0 if 2n + 1 exceeds size. */
size_t gdb_hex_encode(const void *src, size_t n, char *out, size_t size);
/* hexlen digits into at most n bytes; returns the bytes, or -1 for an odd
 * count, a non-hex digit or too many. */
long gdb_hex_decode(const char *hex, size_t hexlen, void *dst, size_t n);
/*
 * A hex number starting at *p (at least one digit, stopping before end
 * or a non-digit, and fitting 64 bits); *p moves past it. Returns 0, or
 * -1 with *p unchanged.
 */
int gdb_parse_hex(const char **p, const char *end, uint64_t *out);

#endif
