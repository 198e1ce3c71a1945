/*
 * fuzz_nf_cfg.c - dotted quads read the way a vif's ip= is read
 * (kernel/drivers/net/netfront_cfg.c): four parts at the edges of 0..255
 * (255, 256, 01, 00, 1000), three or five parts, stray characters, and
 * strings of digits and dots; each compared with the host's
 * inet_pton(AF_INET), which the code promises to follow.
 */
#include <arpa/inet.h>
#include "kernel/drivers/net/netfront_cfg.h"
#include "fuzz.h"

static char quad[24];

static void dump_quad(void)
{
	printf("  '%s'\n", quad);
}

FUZZ(ipv4_as_pton, 20000)
{
	static const char alphabet[] = "0123456789.....0125/ x";
	size_t n = (size_t)fz_below(sizeof(quad) - 1);
	struct in_addr host;
	uint32_t ours = 0;
	int h, o;

	fz_dump = dump_quad;
	if (fz_chance(50)) { /* parts at the edges of 0..255, 3..5 of them */
		static const char *const part[] = { "0",   "1",	  "9",	 "00",
						    "01",  "10",  "99",	 "100",
						    "199", "249", "250", "255",
						    "256", "260", "300", "999",
						    "1000" };
		unsigned int k = 3 + (unsigned)fz_below(3);

		n = 0;
		for (unsigned int i = 0; i < k; i++)
			n += (size_t)snprintf(quad + n, sizeof(quad) - n,
					      "%s%s", i ? "." : "",
					      part[fz_below(17)]);
		if (fz_chance(10) && n)
			quad[fz_below(n)] =
				alphabet[fz_below(sizeof(alphabet) - 1)];
	} else {
		for (size_t i = 0; i < n; i++)
			quad[i] = alphabet[fz_below(
				fz_chance(90) ? 16 : sizeof(alphabet) - 1)];
	}
	quad[n] = '\0';
	h = inet_pton(AF_INET, quad, &host) == 1;
	o = nf_parse_ipv4(quad, n, &ours) == 0;
	FZ_CHECK(h == o, "inet_pton %d, ours %d", h, o);
	FZ_CHECK(!h || ours == host.s_addr, "%08x, inet_pton %08x", ours,
		 host.s_addr);
}
