/* test_gdb_packet.c - gdb remote protocol framing and hex
 * (kernel/debug/gdb_packet.c). */
#include "kernel/debug/gdb_packet.h"
#include "unit.h"

int hex_digit_value(int c); /* lib/string.c */

static struct gdb_rx rx;

/* Feeds s; returns the last event that was not NONE. */
static enum gdb_rx_event feed(const char *s, size_t n)
{
	enum gdb_rx_event last = GDB_RX_NONE, ev;

	for (size_t i = 0; i < n; i++)
		if ((ev = gdb_rx_byte(&rx, (uint8_t)s[i])) != GDB_RX_NONE)
			last = ev;
	return last;
}

#define FEED(lit) feed(lit, sizeof(lit) - 1)

TEST(checksum_is_the_byte_sum)
{
	CHECK(gdb_checksum("", 0) == 0);
	CHECK(gdb_checksum("g", 1) == 0x67);
	/* The manual's example packet: $qSupported...; sums wrap. */
	CHECK(gdb_checksum("OK", 2) == 0x9a);
	CHECK(gdb_checksum("\xff\x02", 2) == 0x01);
}

TEST(a_good_packet_is_received)
{
	gdb_rx_reset(&rx);
	CHECK(FEED("$g#67") == GDB_RX_PACKET);
	CHECK(rx.len == 1);
	CHECK_STR(rx.buf, "g");
	CHECK(FEED("$m1000,4#8e") == GDB_RX_PACKET);
	CHECK_STR(rx.buf, "m1000,4");
	/* Upper-case checksum digits are fine too. */
	CHECK(FEED("$OK#9A") == GDB_RX_PACKET);
}

TEST(a_bad_checksum_is_reported)
{
	gdb_rx_reset(&rx);
	CHECK(FEED("$g#68") == GDB_RX_BAD);
	CHECK(FEED("$g#6z") == GDB_RX_BAD);
	/* and the next packet is fine */
	CHECK(FEED("$g#67") == GDB_RX_PACKET);
}

TEST(acks_and_ctrl_c_between_packets)
{
	gdb_rx_reset(&rx);
	CHECK(FEED("+") == GDB_RX_ACK);
	CHECK(FEED("-") == GDB_RX_NAK);
	CHECK(FEED("\x03") == GDB_RX_INTERRUPT);
	CHECK(FEED("xyz") == GDB_RX_NONE); /* noise */
	/* Inside a packet, 0x03 and + are data. */
	CHECK(FEED("$a\x03+#8f") == GDB_RX_PACKET);
	CHECK(rx.len == 3 && rx.buf[1] == 3 && rx.buf[2] == '+');
}

TEST(dollar_restarts_a_packet)
{
	gdb_rx_reset(&rx);
	CHECK(FEED("$garbage$g#67") == GDB_RX_PACKET);
	CHECK_STR(rx.buf, "g");
}

TEST(escapes_are_undone_and_summed_as_sent)
{
	char wire[16];
	size_t n;

	gdb_rx_reset(&rx);
	/* "}]" is '}' ^ 0x20 = ']' ... i.e. '}' escaped is "}]". */
	n = gdb_frame("a}b", 3, wire, sizeof(wire));
	CHECK(n == 8);
	CHECK(!memcmp(wire, "$a}]b#", 6));
	CHECK(feed(wire, n) == GDB_RX_PACKET);
	CHECK(rx.len == 3);
	CHECK_STR(rx.buf, "a}b");
}

TEST(frame_escapes_every_special_byte)
{
	char wire[32];
	size_t n = gdb_frame("$#}*", 4, wire, sizeof(wire));

	CHECK(n == 1 + 8 + 3);
	CHECK(!memcmp(wire, "$}\x04}\x03}]}\x0a#", 10));
	gdb_rx_reset(&rx);
	CHECK(feed(wire, n) == GDB_RX_PACKET);
	CHECK(rx.len == 4 && !memcmp(rx.buf, "$#}*", 4));
}

TEST(frame_refuses_what_does_not_fit)
{
	char wire[8];

	CHECK(gdb_frame("12345", 5, wire, sizeof(wire)) == 0);
	CHECK(gdb_frame("1234", 4, wire, sizeof(wire)) == 8); /* no NUL */
	CHECK(gdb_frame("}", 1, wire, 5) == 0);
}

TEST(too_long_a_packet_is_bad_not_an_overflow)
{
	static char wire[GDB_PACKET_MAX + 64];
	size_t n = 0;
	uint8_t sum = 0;

	wire[n++] = '$';
	for (int i = 0; i < GDB_PACKET_MAX + 10; i++) {
		wire[n++] = 'a';
		sum += 'a';
	}
	n += (size_t)snprintf(wire + n, 4, "#%02x", sum);
	gdb_rx_reset(&rx);
	CHECK(feed(wire, n) == GDB_RX_BAD);
	CHECK(rx.len == GDB_PACKET_MAX);
	CHECK(FEED("$g#67") == GDB_RX_PACKET);
}

TEST(hex_encode_and_decode)
{
	uint8_t b[4] = { 0x00, 0x7f, 0x80, 0xff }, back[4];
	char hex[9];

	CHECK(gdb_hex_encode(b, 4, hex, sizeof(hex)) == 8);
	CHECK_STR(hex, "007f80ff");
	CHECK(gdb_hex_encode(b, 4, hex, 8) == 0); /* no room for the NUL */
	CHECK(gdb_hex_decode("007F80fF", 8, back, 4) == 4);
	CHECK(!memcmp(b, back, 4));
	CHECK(gdb_hex_decode("007", 3, back, 4) == -1);
	CHECK(gdb_hex_decode("0g", 2, back, 4) == -1);
	CHECK(gdb_hex_decode("0000000000", 10, back, 4) == -1);
	CHECK(hex_digit_value('G') == -1 && hex_digit_value('a') == 10);
}

TEST(parse_hex_numbers)
{
	const char *s = "ffffffff80001234,4", *p = s;
	uint64_t v;

	CHECK(gdb_parse_hex(&p, s + strlen(s), &v) == 0);
	CHECK(v == 0xffffffff80001234ULL);
	CHECK(*p == ',');
	p++;
	CHECK(gdb_parse_hex(&p, s + strlen(s), &v) == 0 && v == 4);
	CHECK(gdb_parse_hex(&p, s + strlen(s), &v) == -1); /* at the end */
	s = "0000000000000000001";
	p = s;
	CHECK(gdb_parse_hex(&p, s + strlen(s), &v) == 0 && v == 1);
	s = "10000000000000000"; /* 2^64 */
	p = s;
	CHECK(gdb_parse_hex(&p, s + strlen(s), &v) == -1 && p == s);
	s = ",";
	p = s;
	CHECK(gdb_parse_hex(&p, s + 1, &v) == -1 && p == s);
}
