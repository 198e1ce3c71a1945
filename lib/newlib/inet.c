/*
 * inet.c - IPv4 addresses to and from text, as <arpa/inet.h> declares.
 *
 * Two grammars, as POSIX has them: inet_pton takes exactly four decimal
 * parts of 0..255 and nothing else; inet_addr and inet_aton take the
 * older forms too (a.b.c.d, a.b.c with a 16-bit c, a.b with a 24-bit b,
 * a alone; each part decimal, 0octal or 0xhex), followed by the end of
 * the string or white space. Pure: host unit tests drive it
 * (tests/unit/test_inet.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pvmini/lib.h>

/* One part of the older grammar; *s moves past it. */
static bool number(const char **s, uint32_t *out)
{
	const char *p = *s;
	unsigned int base = 10, digits = 0;
	uint64_t v = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (p[0] == '0') {
		base = 8;
	}
	for (;; p++, digits++) {
		int d = hex_digit_value(*p);

		if (d < 0)
			break;
		if ((unsigned int)d >= base)
			return false;
		v = v * base + d;
		if (v > UINT32_MAX)
			return false;
	}
	if (!digits && base != 8) /* "0x" alone is no number; "0" is */
		return false;
	*s = p;
	*out = (uint32_t)v;
	return true;
}

static bool is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The older grammar, to a host-order address. */
static bool parse_any(const char *s, uint32_t *addr)
{
	uint32_t part[4];
	int n = 0;

	for (;;) {
		if (!number(&s, &part[n++]))
			return false;
		if (*s != '.')
			break;
		if (n == 4)
			return false;
		s++;
	}
	if (*s && !is_space(*s))
		return false;
	/* The last part fills what the others leave: 32, 24, 16, 8 bits. */
	for (int i = 0; i < n - 1; i++)
		if (part[i] > 0xff)
			return false;
	if (part[n - 1] > (0xffffffffU >> (8 * (n - 1))))
		return false;
	*addr = part[n - 1];
	for (int i = 0; i < n - 1; i++)
		*addr |= part[i] << (24 - 8 * i);
	return true;
}

int inet_aton(const char *s, struct in_addr *out)
{
	uint32_t a;

	if (!parse_any(s, &a))
		return 0;
	if (out)
		out->s_addr = htonl(a);
	return 1;
}

in_addr_t inet_addr(const char *s)
{
	uint32_t a;

	return parse_any(s, &a) ? htonl(a) : INADDR_NONE;
}

int inet_pton(int af, const char *src, void *dst)
{
	uint8_t b[4];

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	for (int i = 0; i < 4; i++) {
		unsigned int v = 0, digits = 0;

		while (*src >= '0' && *src <= '9' && digits < 4) {
			/* "01" is not dotted decimal (it would be octal
			 * to inet_aton): a leading zero only alone. */
			if (digits == 1 && v == 0)
				return 0;
			v = v * 10 + (*src++ - '0');
			digits++;
		}
		if (!digits || v > 255)
			return 0;
		b[i] = v;
		if (*src++ != (i < 3 ? '.' : '\0'))
			return 0;
	}
	for (int i = 0; i < 4; i++)
		((uint8_t *)dst)[i] = b[i];
	return 1;
}

/* Writes v's decimal digits at p; returns the end. */
static char *decimal(char *p, unsigned int v)
{
	if (v >= 100)
		*p++ = '0' + v / 100;
	if (v >= 10)
		*p++ = '0' + v / 10 % 10;
	*p++ = '0' + v % 10;
	return p;
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	const uint8_t *b = src;
	char text[INET_ADDRSTRLEN], *p = text;
	socklen_t n;

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return NULL;
	}
	for (int i = 0; i < 4; i++) {
		p = decimal(p, b[i]);
		*p++ = i < 3 ? '.' : '\0';
	}
	n = p - text;
	if (size < n) {
		errno = ENOSPC;
		return NULL;
	}
	for (socklen_t i = 0; i < n; i++)
		dst[i] = text[i];
	return dst;
}

char *inet_ntoa(struct in_addr in)
{
	static char text[INET_ADDRSTRLEN];

	return (char *)inet_ntop(AF_INET, &in, text, sizeof(text));
}
