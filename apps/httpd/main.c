/*
 * main.c - httpd: a static HTTP/1.1 server appliance (docs/httpd.md).
 *
 *   httpd [port=N] [conns=N] [idle=SECS] [drain=SECS] [wait=SECS]
 *         [log=0|1] [selftest | selftest=shutdown]
 *
 * It listens on every address, then announces the first one clients
 * can reach: the first network interface other than loopback, once it
 * has an address (waiting up to `wait` seconds for it). With no vif in
 * the cfg, or no interface up in time, it says so and stops (exit 1)
 * rather than serve nobody. `selftest` serves 127.0.0.1 to clients in
 * this same domain instead (selftest.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <pvnet.h>
#include <stdio.h>
#include <string.h>

#include <pvmini/lib.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/xenstore.h>

#include "httpd.h"

struct httpd_config httpd_cfg = {
	.port = HTTPD_PORT,
	.max_conns = HTTPD_MAX_CONNS,
	.idle_ms = HTTPD_IDLE_MS,
	.send_ms = HTTPD_SEND_MS,
	.drain_ms = HTTPD_DRAIN_MS,
	.log = true,
};

static unsigned long wait_s = 10;
static const char *test_mode; /* NULL: serve the network */

static bool parse_arg(const char *a)
{
	unsigned long v;

	if (!strcmp(a, "selftest") || !strcmp(a, "selftest=shutdown"))
		test_mode = a[8] ? a + 9 : "";
	else if (!parse_key_ulong(a, "port", 65535, &v) && v)
		httpd_cfg.port = v;
	else if (!parse_key_ulong(a, "conns", HTTPD_CONNS_LIMIT, &v) && v)
		httpd_cfg.max_conns = v;
	else if (!parse_key_ulong(a, "idle", 3600, &v) && v)
		httpd_cfg.idle_ms = v * 1000;
	else if (!parse_key_ulong(a, "drain", 3600, &v))
		httpd_cfg.drain_ms = v * 1000;
	else if (!parse_key_ulong(a, "wait", 3600, &v))
		wait_s = v;
	else if (!parse_key_ulong(a, "log", 1, &v))
		httpd_cfg.log = v;
	else
		return false;
	return true;
}

/* How many vifs the cfg gave this domain (xenstore's device/vif). */
static int vif_count(void)
{
	char buf[256];
	const char *names[16];
	int n = xs_directory(XS_TX_NONE, "device/vif", buf, sizeof(buf), names,
			     ARRAY_SIZE(names));

	return n > 0 ? n : 0;
}

static void serve_forever(void)
{
	static struct wait_queue never = WAIT_QUEUE_INIT;

	/* The connections are threads; xl shutdown ends the domain
	 * through the server's hook (server.c). */
	wait_event(never, false);
}

int main(int argc, char **argv)
{
	char addr[16], port[8] = "";
	uint32_t ip;
	int rc, vifs;

	for (int i = 1; i < argc; i++) {
		if (!parse_arg(argv[i])) {
			printf("httpd: unknown argument '%s'\nusage: httpd "
			       "[port=N] [conns=N] [idle=SECS] [drain=SECS] "
			       "[wait=SECS] [log=0|1] [selftest | "
			       "selftest=shutdown]\n",
			       argv[i]);
			return 2;
		}
	}
	if (test_mode)
		selftest_before_start(test_mode);
	rc = httpd_start();
	if (rc) {
		printf("httpd: cannot listen on port %u: %s\n", httpd_cfg.port,
		       strerror(rc));
		return 1;
	}
	printf("httpd: port %u, at most %u connections, idle timeout %u s, "
	       "drain %u s, 8192-byte request heads\n",
	       httpd_cfg.port, httpd_cfg.max_conns, httpd_cfg.idle_ms / 1000,
	       httpd_cfg.drain_ms / 1000);
	if (httpd_cfg.port != 80)
		snprintf(port, sizeof(port), ":%u", httpd_cfg.port);
	if (test_mode) {
		printf("httpd: serving on http://127.0.0.1:%u/ - loopback "
		       "only, to the self-test's clients in this domain\n",
		       httpd_cfg.port);
		rc = selftest(test_mode);
		if (*test_mode == '\0')
			return rc ? 1 : 0;
		serve_forever();
	}
	vifs = vif_count();
	if (!vifs) {
		printf("httpd: no network: this domain has no vif. Give its "
		       "cfg one, e.g. vif = [ 'bridge=xenbr0,ip=192.0.2.80' "
		       "] (apps/httpd/httpd.cfg has it), or run 'httpd "
		       "selftest' to serve 127.0.0.1 to itself. Stopping.\n");
		return 1;
	}
	ip = pvnet_wait_host_ipv4(wait_s * 1000);
	if (!ip) {
		printf("httpd: no network: the cfg gives this domain %d "
		       "vif(s), but no interface other than loopback came up "
		       "with an address within %lu s (a netfront driver "
		       "attaches a vif: docs/net.md). Stopping.\n",
		       vifs, wait_s);
		return 1;
	}
	inet_ntop(AF_INET, &ip, addr, sizeof(addr));
	printf("httpd: serving on http://%s:%u/ - from dom0: wget -O- "
	       "http://%s%s/\n",
	       addr, httpd_cfg.port, addr, port);
	serve_forever();
	return 0;
}
