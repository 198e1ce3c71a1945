/*
 * netfront_cfg.c - parsing a vif's mac, mtu and ip= settings
 * (kernel/drivers/net/netfront_cfg.h says which forms are taken). Every
 * value comes from xenstore, so nothing is assumed about it: lengths
 * are bounded, numbers checked before they are combined.
 */
#include "kernel/drivers/net/netfront_cfg.h"

int nf_parse_mac(const char *s, uint8_t mac[6])
{
	uint8_t m[6];

	for (unsigned int i = 0; i < 6; i++, s += 3) {
		int hi = hex_digit_value(s[0]),
		    lo = hi < 0 ? -1 : hex_digit_value(s[1]);

		if (lo < 0 || s[2] != (i == 5 ? '\0' : ':'))
			return -1;
		m[i] = (uint8_t)(hi << 4 | lo);
	}
	memcpy(mac, m, sizeof(m));
	return 0;
}

/* inet_pton(AF_INET)'s rules: four decimal parts of 0..255 separated by
 * dots, no leading zero, nothing else. */
int nf_parse_ipv4(const char *s, size_t len, uint32_t *addr)
{
	uint8_t b[4];
	unsigned int part = 0, digits = 0, v = 0;

	for (size_t i = 0; i <= len; i++) {
		char c = i < len ? s[i] : '.';

		if (c >= '0' && c <= '9') {
			if (digits == 1 && v == 0)
				return -1; /* leading zero */
			v = v * 10 + (unsigned int)(c - '0');
			if (v > 255)
				return -1;
			digits++;
			continue;
		}
		if (c != '.' || !digits || part == 4)
			return -1;
		b[part++] = (uint8_t)v;
		v = digits = 0;
	}
	if (part != 4)
		return -1;
	memcpy(addr, b, sizeof(b));
	return 0;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Network byte order: the first byte of the dotted quad is the lowest
 * in memory. */
static uint32_t from_bytes(uint8_t a, uint8_t b, uint8_t c, uint8_t d)
{
	uint8_t q[4] = { a, b, c, d };
	uint32_t v;

	memcpy(&v, q, sizeof(v));
	return v;
}

static uint32_t mask_of_prefix(unsigned int prefix)
{
	uint32_t host = prefix ? 0xffffffffU << (32 - prefix) : 0;

	return from_bytes((uint8_t)(host >> 24), (uint8_t)(host >> 16),
			  (uint8_t)(host >> 8), (uint8_t)host);
}

/* A netmask is ones, then zeros: its prefix, or -1. */
static int prefix_of_mask(uint32_t mask)
{
	const uint8_t *b = (const uint8_t *)&mask;
	uint32_t host = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
			(uint32_t)b[2] << 8 | b[3];
	int n = 0;

	while (n < 32 && (host & (0x80000000U >> n)))
		n++;
	return mask_of_prefix((unsigned int)n) == mask ? n : -1;
}

static unsigned int first_byte(uint32_t a)
{
	return ((const uint8_t *)&a)[0];
}

/* ADDR/PREFIX, or ADDR alone with its class's netmask. */
static int one_word(const char *w, size_t len, struct netdev_ipv4 *out,
		    const char **why)
{
	size_t slash = 0;
	unsigned long prefix;
	char num[3];

	while (slash < len && w[slash] != '/')
		slash++;
	if (nf_parse_ipv4(w, slash, &out->addr)) {
		*why = "ADDR is no dotted-quad IPv4 address";
		return -1;
	}
	if (slash == len) {
		unsigned int a = first_byte(out->addr);

		out->netmask = mask_of_prefix(a < 128 ? 8 : a < 192 ? 16 : 24);
		return 0;
	}
	len -= slash + 1;
	if (len < 1 || len > 2) {
		*why = "the prefix after '/' is not 1..32";
		return -1;
	}
	memcpy(num, w + slash + 1, len);
	num[len] = '\0';
	if (parse_ulong(num, 32, &prefix) || prefix == 0 ||
	    (len == 2 && num[0] == '0')) {
		*why = "the prefix after '/' is not 1..32";
		return -1;
	}
	out->netmask = mask_of_prefix((unsigned int)prefix);
	return 0;
}

int nf_parse_ip_setting(const char *s, struct netdev_ipv4 *out,
			const char **why)
{
	const char *word[4];
	size_t wlen[4];
	unsigned int n = 0, a;
	struct netdev_ipv4 c = { 0 };
	int rc = 0;

	for (;;) {
		while (blank(*s))
			s++;
		if (!*s)
			break;
		if (n == 4) {
			*why = "more than three words";
			return -1;
		}
		word[n] = s;
		while (*s && !blank(*s))
			s++;
		wlen[n] = (size_t)(s - word[n]);
		n++;
	}
	if (n == 0 || n == 4) {
		*why = n ? "more than three words" : "it is empty";
		return -1;
	}
	if (n == 1) {
		rc = one_word(word[0], wlen[0], &c, why);
	} else if (nf_parse_ipv4(word[0], wlen[0], &c.addr)) {
		*why = "ADDR is no dotted-quad IPv4 address";
		rc = -1;
	} else if (nf_parse_ipv4(word[1], wlen[1], &c.netmask) ||
		   prefix_of_mask(c.netmask) < 1) {
		*why = "NETMASK is no netmask (ones, then zeros)";
		rc = -1;
	} else if (n == 3 && nf_parse_ipv4(word[2], wlen[2], &c.gateway)) {
		*why = "GATEWAY is no dotted-quad IPv4 address";
		rc = -1;
	}
	if (rc)
		return rc;
	a = first_byte(c.addr);
	if (a == 0 || a == 127 || a >= 224) {
		*why = "ADDR cannot be a host's (0/8, loopback, multicast or "
		       "reserved)";
		return -1;
	}
	if (prefix_of_mask(c.netmask) < 31 &&
	    ((c.addr & ~c.netmask) == 0 ||
	     (c.addr | c.netmask) == 0xffffffffU)) {
		*why = "ADDR is its subnet's network or broadcast address";
		return -1;
	}
	if (c.gateway && ((c.gateway ^ c.addr) & c.netmask)) {
		*why = "GATEWAY is outside ADDR's subnet";
		return -1;
	}
	if (c.gateway && c.gateway == c.addr) {
		*why = "GATEWAY is ADDR itself";
		return -1;
	}
	*out = c;
	return 0;
}

int nf_parse_mtu(const char *s, unsigned int *mtu)
{
	unsigned long v;

	if (parse_ulong(s, 1500, &v) || v < 576)
		return -1;
	*mtu = (unsigned int)v;
	return 0;
}
