/*
 * fuzz_gdb.c - the gdb stub's pure parts (kernel/debug/gdb_packet.c,
 * gdb_regs.c, gdb_proto.c) on input gdb would never send:
 *   - byte streams of the protocol's own characters into the receiver,
 *     against a reference reading of the framing rules;
 *   - any payload framed and received back, behind noise, unchanged;
 *   - packets built from the real commands with broken, huge or
 *     missing arguments, dispatched against a fake domain: the reply
 *     stays within its buffer and frames, memory outside the fake's
 *     range (tests/unit/gdb_fake.h) is never touched, and reads return
 *     the fake's bytes;
 *   - registers encoded and decoded back; random G hex never half-sets.
 */
#include "kernel/debug/gdb_proto.h"
#include "fuzz.h"
#include "tests/unit/gdb_fake.h"

static uint8_t stream[3 * GDB_PACKET_MAX];
static size_t stream_len;

static void dump_stream(void)
{
	printf("  %zu bytes:", stream_len);
	for (size_t i = 0; i < stream_len && i < 300; i++)
		printf(" %02x", stream[i]);
	printf("%s\n", stream_len > 300 ? " ..." : "");
}

static uint8_t some_byte(void)
{
	static const char special[] = "$#}*+-\x03";

	if (fz_chance(30))
		return (uint8_t)special[fz_below(sizeof(special) - 1)];
	if (fz_chance(30))
		return (uint8_t) "0123456789abcdefABCDEF"[fz_below(22)];
	return (uint8_t)fz_u64();
}

/* The framing rules, read plainly: returns the events in order. */
struct ref {
	int state; /* 0 idle, 1 data, 2 escape, 3/4 checksum digits */
	uint8_t sum, want;
	size_t len;
	bool too_long;
	uint8_t buf[GDB_PACKET_MAX];
};

static int hexval(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static enum gdb_rx_event ref_byte(struct ref *r, uint8_t b)
{
	if (b == '$') {
		r->state = 1;
		r->sum = 0;
		r->len = 0;
		r->too_long = false;
		return GDB_RX_NONE;
	}
	switch (r->state) {
	case 0:
		return b == 3	  ? GDB_RX_INTERRUPT
		       : b == '+' ? GDB_RX_ACK
		       : b == '-' ? GDB_RX_NAK
				  : GDB_RX_NONE;
	case 1:
	case 2:
		if (r->state == 1 && b == '#') {
			r->state = 3;
			return GDB_RX_NONE;
		}
		r->sum += b;
		if (r->state == 1 && b == '}') {
			r->state = 2;
			return GDB_RX_NONE;
		}
		if (r->len == sizeof(r->buf))
			r->too_long = true;
		else
			r->buf[r->len++] = r->state == 2 ? b ^ 0x20 : b;
		r->state = 1;
		return GDB_RX_NONE;
	default:
		if (hexval(b) < 0) {
			r->state = 0;
			return GDB_RX_BAD;
		}
		if (r->state == 3) {
			r->want = (uint8_t)(hexval(b) << 4);
			r->state = 4;
			return GDB_RX_NONE;
		}
		r->want |= (uint8_t)hexval(b);
		r->state = 0;
		return r->want == r->sum && !r->too_long ? GDB_RX_PACKET
							 : GDB_RX_BAD;
	}
}

FUZZ(rx_vs_reference, 3000)
{
	static struct gdb_rx rx;
	static struct ref r;

	stream_len = fz_below(fz_chance(5) ? sizeof(stream) : 200);
	for (size_t i = 0; i < stream_len; i++)
		stream[i] = some_byte();
	if (fz_chance(10)) { /* a packet around the size limit */
		size_t n = GDB_PACKET_MAX - 4 + fz_below(9), at = 0;
		uint8_t sum = 0;

		stream[at++] = '$';
		for (size_t i = 0; i < n; i++) {
			uint8_t b = some_byte();

			if (b == '$' || b == '#' || b == '}')
				b = 'a';
			sum += b;
			stream[at++] = b;
		}
		at += (size_t)snprintf((char *)stream + at, 4, "#%02x",
				       fz_chance(80) ? sum : sum + 1);
		stream_len = at;
	}
	fz_dump = dump_stream;
	gdb_rx_reset(&rx);
	memset(&r, 0, sizeof(r));
	for (size_t i = 0; i < stream_len; i++) {
		enum gdb_rx_event got = gdb_rx_byte(&rx, stream[i]);
		enum gdb_rx_event want = ref_byte(&r, stream[i]);

		FZ_CHECK(got == want, "byte %zu: event %d, want %d", i, got,
			 want);
		FZ_CHECK(rx.len <= GDB_PACKET_MAX, "len %zu", rx.len);
		if (got == GDB_RX_PACKET)
			FZ_CHECK(rx.len == r.len &&
					 !memcmp(rx.buf, r.buf, r.len) &&
					 rx.buf[rx.len] == '\0',
				 "payload differs at byte %zu", i);
	}
}

FUZZ(frame_then_receive_is_identity, 3000)
{
	static char payload[GDB_PACKET_MAX], wire[2 * GDB_PACKET_MAX + 8];
	static struct gdb_rx rx;
	size_t n = fz_below(fz_chance(10) ? GDB_PACKET_MAX + 1 : 64), w;
	enum gdb_rx_event last = GDB_RX_NONE;

	for (size_t i = 0; i < n; i++)
		payload[i] = (char)some_byte();
	w = gdb_frame(payload, n, wire, sizeof(wire));
	FZ_CHECK(w > 0 && w <= 2 * n + 4, "framed %zu bytes as %zu", n, w);
	FZ_CHECK(gdb_frame(payload, n, wire, w - 1) == 0, "fits in less");
	gdb_rx_reset(&rx);
	/* noise without a '$' first: acks, Ctrl-C, junk */
	for (unsigned int k = fz_below(8); k; k--) {
		uint8_t b = some_byte();

		if (b != '$')
			gdb_rx_byte(&rx, b);
	}
	for (size_t i = 0; i < w; i++) {
		enum gdb_rx_event ev = gdb_rx_byte(&rx, (uint8_t)wire[i]);

		FZ_CHECK(i + 1 == w || ev == GDB_RX_NONE, "event %d early", ev);
		last = ev;
	}
	FZ_CHECK(last == GDB_RX_PACKET, "event %d", last);
	FZ_CHECK(rx.len == n && !memcmp(rx.buf, payload, n), "payload");
}

/* --- dispatch against a fake domain --------------------------------- */

static char pkt[GDB_PACKET_MAX + 1];
static size_t pkt_len;

static void dump_pkt(void)
{
	printf("  packet (%zu bytes): %.*s\n", pkt_len,
	       (int)(pkt_len < 300 ? pkt_len : 300), pkt);
}

static void add(const char *s)
{
	while (*s && pkt_len < GDB_PACKET_MAX)
		pkt[pkt_len++] = *s++;
}

static void add_hex_number(void)
{
	char num[40];
	uint64_t v = fz_chance(50) ? FAKE_BASE + fz_below(FAKE_SIZE + 64) - 32
				   : fz_edge(UINT64_MAX);

	if (fz_chance(5))
		add("-1");
	else if (fz_chance(5))
		add("0000000000000000000000"); /* leading zeros */
	snprintf(num, sizeof(num), fz_chance(50) ? "%llx" : "%llX",
		 (unsigned long long)v);
	add(fz_chance(95) ? num : "g");
}

static void add_hex_data(void)
{
	for (unsigned int n = fz_below(fz_chance(5) ? 3000 : 40); n; n--) {
		char d[2] = { "0123456789abcdefx"[fz_below(17)], 0 };

		add(d);
	}
}

FUZZ(dispatch_never_overruns, 20000)
{
	static const char *const heads[] = {
		"?",
		"g",
		"G",
		"p",
		"P",
		"m",
		"M",
		"Z0,",
		"z0,",
		"Z1,",
		"c",
		"C",
		"s",
		"S",
		"k",
		"D",
		"Hg",
		"Hc",
		"T",
		"qC",
		"qAttached",
		"qfThreadInfo",
		"qsThreadInfo",
		"qThreadExtraInfo,",
		"qSupported:",
		"QStartNoAckMode",
		"vKill;",
		"vCont?",
		"X",
		"!",
	};
	static struct gdb_session s;
	static char reply[GDB_PACKET_MAX + 1 + 16];
	static char wire[2 * GDB_PACKET_MAX + 8];
	static uint8_t before[sizeof(fake_mem_all)];
	char canary = (char)0xa5;

	fz_dump = dump_pkt;
	gdb_session_init(&s, &fake_ops, NULL);
	gdb_session_stop(&s, 1, 5, fz_chance(50));
	fake_stopped_regs.valid = (uint32_t)fz_u64();
	for (int i = 0; i < GDB_NREGS; i++)
		fake_stopped_regs.v[i] = fz_u64();
	fake_other_regs = fake_stopped_regs;
	fz_fill(fake_mem_all, sizeof(fake_mem_all));
	for (unsigned int round = 0; round < 4; round++) {
		pkt_len = 0;
		add(heads[fz_below(sizeof(heads) / sizeof(*heads))]);
		for (unsigned int k = fz_below(4); k; k--) {
			switch (fz_below(5)) {
			case 0:
				add_hex_number();
				break;
			case 1:
				add(fz_chance(50) ? "," : ":");
				break;
			case 2:
				add_hex_data();
				break;
			case 3:
				add(fz_chance(50) ? "=" : ";");
				break;
			default:
				add_hex_number();
				add(",");
				add_hex_number();
			}
		}
		memcpy(before, fake_mem_all, sizeof(fake_mem_all));
		memset(reply, canary, sizeof(reply));
		gdb_dispatch(&s, pkt, pkt_len, reply, GDB_PACKET_MAX + 1);
		FZ_CHECK(memchr(reply, '\0', GDB_PACKET_MAX + 1) != NULL,
			 "reply not terminated");
		for (size_t i = GDB_PACKET_MAX + 1; i < sizeof(reply); i++)
			FZ_CHECK(reply[i] == canary, "reply overran");
		FZ_CHECK(gdb_frame(reply, strlen(reply), wire, sizeof(wire)),
			 "reply does not frame");
		FZ_CHECK(!memcmp(fake_mem_all, before, 32) &&
				 !memcmp(fake_mem + FAKE_SIZE,
					 before + 32 + FAKE_SIZE, 32),
			 "a write outside the domain's memory");
		/* A good read returns the fake's bytes. */
		if (pkt[0] == 'm' && reply[0] != 'E' && reply[0]) {
			const char *p = pkt + 1, *end = pkt + pkt_len;
			uint64_t a;
			uint8_t got[GDB_PACKET_MAX / 2];
			long n;

			FZ_CHECK(!gdb_parse_hex(&p, end, &a), "read parsed?");
			n = gdb_hex_decode(reply, strlen(reply), got,
					   sizeof(got));
			FZ_CHECK(n >= 0 && fake_inside(a, (size_t)n),
				 "read %ld", n);
			FZ_CHECK(!memcmp(got, fake_mem + (a - FAKE_BASE),
					 (size_t)n),
				 "read the wrong bytes");
		}
	}
}

FUZZ(registers_round_trip, 20000)
{
	struct gdb_regs r, back;
	char g[2 * GDB_G_BYTES + 1];
	static char junk[2 * GDB_G_BYTES + 8];
	size_t n;

	for (int i = 0; i < GDB_NREGS; i++)
		r.v[i] = i <= GDB_RIP ? fz_u64() : fz_u64() & 0xffffffff;
	r.valid = (1U << GDB_NREGS) - 1;
	FZ_CHECK(gdb_regs_encode(&r, g, sizeof(g)) == 2 * GDB_G_BYTES, "g");
	memset(&back, 0, sizeof(back));
	FZ_CHECK(!gdb_regs_decode(g, strlen(g), &back), "G");
	FZ_CHECK(back.valid == r.valid && !memcmp(back.v, r.v, sizeof(r.v)),
		 "registers changed on the way");
	/* Junk: all or nothing. */
	n = fz_below(sizeof(junk));
	for (size_t i = 0; i < n; i++)
		junk[i] =
			"0123456789abcdefx-"[fz_below(fz_chance(95) ? 16 : 18)];
	back = r;
	if (gdb_regs_decode(junk, n, &back))
		FZ_CHECK(!memcmp(&back, &r, sizeof(r)), "half-set by bad G");
}
