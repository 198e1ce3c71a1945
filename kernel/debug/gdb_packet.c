/*
 * gdb_packet.c - framing and hex for gdb's remote protocol
 * (gdb_packet.h). Pure: no hypercall, no state beyond struct gdb_rx.
 * The receiver never writes past its buffer whatever arrives: an
 * overlong packet is read to its end and reported bad.
 */
#include <pvmini/lib.h>
#include "kernel/debug/gdb_packet.h"

void gdb_rx_reset(struct gdb_rx *rx)
{
	rx->state = RX_IDLE;
	rx->len = 0;
	rx->sum = 0;
	rx->too_long = false;
	rx->buf[0] = '\0';
}

static void put(struct gdb_rx *rx, uint8_t b)
{
	if (rx->len < GDB_PACKET_MAX)
		rx->buf[rx->len++] = (char)b;
	else
		rx->too_long = true;
}

enum gdb_rx_event gdb_rx_byte(struct gdb_rx *rx, uint8_t b)
{
	int v;

	if (b == '$') {
		gdb_rx_reset(rx);
		rx->state = RX_DATA;
		return GDB_RX_NONE;
	}
	switch (rx->state) {
	case RX_IDLE:
		if (b == 0x03)
			return GDB_RX_INTERRUPT;
		if (b == '+')
			return GDB_RX_ACK;
		if (b == '-')
			return GDB_RX_NAK;
		return GDB_RX_NONE; /* noise between packets */
	case RX_DATA:
		if (b == '#') {
			rx->state = RX_SUM1;
			return GDB_RX_NONE;
		}
		rx->sum += b;
		if (b == '}')
			rx->state = RX_ESCAPE;
		else
			put(rx, b);
		return GDB_RX_NONE;
	case RX_ESCAPE:
		rx->sum += b;
		put(rx, b ^ 0x20);
		rx->state = RX_DATA;
		return GDB_RX_NONE;
	case RX_SUM1:
	case RX_SUM2:
		v = hex_digit_value(b);
		if (v < 0) { /* not a checksum: the packet is broken */
			rx->state = RX_IDLE;
			return GDB_RX_BAD;
		}
		if (rx->state == RX_SUM1) {
			rx->want = (uint8_t)(v << 4);
			rx->state = RX_SUM2;
			return GDB_RX_NONE;
		}
		rx->want |= (uint8_t)v;
		rx->state = RX_IDLE;
		if (rx->want != rx->sum || rx->too_long)
			return GDB_RX_BAD;
		rx->buf[rx->len] = '\0';
		return GDB_RX_PACKET;
	}
	return GDB_RX_NONE;
}

uint8_t gdb_checksum(const void *p, size_t n)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (n--)
		sum += *b++;
	return sum;
}

static const char hex_digits[] = "0123456789abcdef";

size_t gdb_frame(const char *payload, size_t len, char *out, size_t size)
{
	size_t at = 0;
	uint8_t sum = 0;

	if (size < 4)
		return 0;
	out[at++] = '$';
	for (size_t i = 0; i < len; i++) {
		uint8_t b = (uint8_t)payload[i];
		bool esc = b == '$' || b == '#' || b == '}' || b == '*';

		if (at + (esc ? 2 : 1) + 3 > size)
			return 0;
		if (esc) {
			out[at++] = '}';
			sum += '}';
			b ^= 0x20;
		}
		out[at++] = (char)b;
		sum += b;
	}
	out[at++] = '#';
	out[at++] = hex_digits[sum >> 4];
	out[at++] = hex_digits[sum & 15];
	return at;
}

size_t gdb_hex_encode(const void *src, size_t n, char *out, size_t size)
{
	const uint8_t *b = src;

	if (size == 0 || n > (size - 1) / 2)
		return 0;
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex_digits[b[i] >> 4];
		out[2 * i + 1] = hex_digits[b[i] & 15];
	}
	out[2 * n] = '\0';
	return 2 * n;
}

long gdb_hex_decode(const char *hex, size_t hexlen, void *dst, size_t n)
{
	uint8_t *d = dst;

	if (hexlen % 2 || hexlen / 2 > n)
		return -1;
	for (size_t i = 0; i < hexlen / 2; i++) {
		int hi = hex_digit_value((unsigned char)hex[2 * i]);
		int lo = hex_digit_value((unsigned char)hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		d[i] = (uint8_t)(hi << 4 | lo);
	}
	return (long)(hexlen / 2);
}

int gdb_parse_hex(const char **p, const char *end, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;
	int digits = 0, d;

	while (s < end && (d = hex_digit_value((unsigned char)*s)) >= 0) {
		if (v >> 60) /* a 17th significant digit */
			return -1;
		v = v << 4 | (uint64_t)d;
		digits++;
		s++;
	}
	if (!digits)
		return -1;
	*p = s;
	*out = v;
	return 0;
}
