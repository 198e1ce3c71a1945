/*
 * test_nf_cfg.c - what a vif takes from xenstore
 * (kernel/drivers/net/netfront_cfg.c): the mac, the mtu, dotted quads
 * exactly as the host's inet_pton(AF_INET) reads them, and the ip=
 * setting's four forms with every mistake refused and named.
 */
#include <arpa/inet.h>
#include "kernel/drivers/net/netfront_cfg.h"
#include "unit.h"

TEST(mac)
{
	uint8_t m[6] = { 0 }, want[6] = { 0x00, 0x16, 0x3e, 0xab, 0xCD, 0x01 };

	CHECK(nf_parse_mac("00:16:3e:ab:CD:01", m) == 0);
	CHECK(memcmp(m, want, 6) == 0);
	memset(m, 0x55, sizeof(m));
	CHECK(nf_parse_mac("00:16:3e:ab:cd", m) == -1);
	CHECK(nf_parse_mac("00:16:3e:ab:cd:01:", m) == -1);
	CHECK(nf_parse_mac("00:16:3e:ab:cd:1", m) == -1);
	CHECK(nf_parse_mac("00-16-3e-ab-cd-01", m) == -1);
	CHECK(nf_parse_mac("0g:16:3e:ab:cd:01", m) == -1);
	CHECK(nf_parse_mac("", m) == -1);
	CHECK(m[0] == 0x55); /* untouched on junk */
}

TEST(mtu)
{
	unsigned int mtu = 7;

	CHECK(nf_parse_mtu("1500", &mtu) == 0 && mtu == 1500);
	CHECK(nf_parse_mtu("576", &mtu) == 0 && mtu == 576);
	CHECK(nf_parse_mtu("1501", &mtu) == -1);
	CHECK(nf_parse_mtu("575", &mtu) == -1);
	CHECK(nf_parse_mtu("9000", &mtu) == -1);
	CHECK(nf_parse_mtu("15OO", &mtu) == -1 && mtu == 576);
}

/* Our reading of a dotted quad against the host's. */
static int same_as_pton(const char *s)
{
	struct in_addr host;
	uint32_t ours = 0x12345678;
	int h = inet_pton(AF_INET, s, &host) == 1;
	int o = nf_parse_ipv4(s, strlen(s), &ours) == 0;

	return h == o && (!h || ours == host.s_addr);
}

TEST(dotted_quads_as_inet_pton)
{
	static const char *const cases[] = {
		"192.0.2.2",
		"0.0.0.0",
		"255.255.255.255",
		"256.1.1.1",
		"1.2.3",
		"1.2.3.4.5",
		"01.2.3.4",
		"1.2.3.04",
		"1.2.3.0",
		"1..3.4",
		".1.2.3",
		"1.2.3.4.",
		"1.2.3.4 ",
		" 1.2.3.4",
		"1.2.3.-4",
		"0x1.2.3.4",
		"1.2.3.1000",
		"",
		"a.b.c.d",
		"10.0.0.1",
		"192.168.000.1",
		"1.2.3.255",
		"99999999999.1.1.1",
	};

	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (!same_as_pton(cases[i])) {
			printf("  differs on '%s'\n", cases[i]);
			CHECK(0);
		}
}

TEST(dotted_quad_reads_only_len)
{
	uint32_t a;

	CHECK(nf_parse_ipv4("10.1.2.3/24", 8, &a) == 0);
	CHECK(a == inet_addr("10.1.2.3"));
	CHECK(nf_parse_ipv4("10.1.2.3/24", 9, &a) == -1);
}

static int ip_is(const char *s, const char *addr, const char *mask,
		 const char *gw)
{
	struct netdev_ipv4 c = { 1, 2, 3 };
	const char *why = NULL;

	if (nf_parse_ip_setting(s, &c, &why)) {
		printf("  '%s' refused: %s\n", s, why);
		return 0;
	}
	return c.addr == inet_addr(addr) && c.netmask == inet_addr(mask) &&
	       c.gateway == (gw ? inet_addr(gw) : 0);
}

TEST(ip_setting_forms)
{
	CHECK(ip_is("192.0.2.2", "192.0.2.2", "255.255.255.0", NULL));
	CHECK(ip_is("10.1.2.3", "10.1.2.3", "255.0.0.0", NULL));
	CHECK(ip_is("172.16.1.2", "172.16.1.2", "255.255.0.0", NULL));
	CHECK(ip_is("192.0.2.2/25", "192.0.2.2", "255.255.255.128", NULL));
	CHECK(ip_is("10.0.0.9/32", "10.0.0.9", "255.255.255.255", NULL));
	CHECK(ip_is("10.0.0.1/31", "10.0.0.1", "255.255.255.254", NULL));
	CHECK(ip_is("192.0.2.2 255.255.255.0", "192.0.2.2", "255.255.255.0",
		    NULL));
	CHECK(ip_is("192.0.2.2 255.255.255.0 192.0.2.1", "192.0.2.2",
		    "255.255.255.0", "192.0.2.1"));
	CHECK(ip_is("  192.0.2.2\t255.255.0.0   192.0.9.1 ", "192.0.2.2",
		    "255.255.0.0", "192.0.9.1"));
	CHECK(ip_is("192.0.2.2 255.255.255.0 0.0.0.0", "192.0.2.2",
		    "255.255.255.0", NULL));
}

static int refused(const char *s, const char *want)
{
	struct netdev_ipv4 c = { 1, 2, 3 };
	const char *why = NULL;

	return nf_parse_ip_setting(s, &c, &why) == -1 && why &&
	       strstr(why, want) && c.addr == 1 && c.netmask == 2 &&
	       c.gateway == 3;
}

TEST(ip_setting_mistakes_are_named)
{
	CHECK(refused("", "empty"));
	CHECK(refused("   ", "empty"));
	CHECK(refused("banana", "ADDR is no"));
	CHECK(refused("192.0.2.300", "ADDR is no"));
	CHECK(refused("192.0.2.2/33", "prefix"));
	CHECK(refused("192.0.2.2/0", "prefix"));
	CHECK(refused("192.0.2.2/", "prefix"));
	CHECK(refused("192.0.2.2/08", "prefix"));
	CHECK(refused("192.0.2.2/1x", "prefix"));
	CHECK(refused("192.0.2.2/24 255.255.255.0", "ADDR is no"));
	CHECK(refused("192.0.2.2 255.0.255.0", "NETMASK"));
	CHECK(refused("192.0.2.2 0.0.0.0", "NETMASK"));
	CHECK(refused("192.0.2.2 24", "NETMASK"));
	CHECK(refused("192.0.2.2 255.255.255.0 gw", "GATEWAY is no"));
	CHECK(refused("192.0.2.2 255.255.255.0 10.0.0.1", "outside"));
	CHECK(refused("192.0.2.2 255.255.255.0 192.0.2.2", "itself"));
	CHECK(refused("1.2.3.4 255.0.0.0 1.0.0.1 x", "more than three"));
	CHECK(refused("127.0.0.1", "host's"));
	CHECK(refused("0.1.2.3", "host's"));
	CHECK(refused("224.0.0.1", "host's"));
	CHECK(refused("255.255.255.255", "host's"));
	CHECK(refused("192.0.2.0", "network or broadcast"));
	CHECK(refused("192.0.2.255/24", "network or broadcast"));
}
