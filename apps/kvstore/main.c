/*
 * main.c - kvstore: a persistent key-value store served over TCP, on its
 * own log on a disk (docs/blk.md, "kvstore").
 *
 *   kvstore [disk=NAME] [port=N] [conns=N] [keys=N] [compact=BYTES]
 *           [wait=SECS] [format]
 *
 * It opens /dev/NAME (default xvda), recovers the store on it (a blank
 * disk becomes a new one; `format` makes a new one over anything) and
 * says what it found, then listens on port N (7070) and announces the
 * first address other than loopback, once an interface has one.
 */
#include <arpa/inet.h>
#include <pvnet.h>
#include <stdio.h>
#include <string.h>

#include <pvmini/lib.h>
#include <pvmini/time.h>

#include "kvstore.h"

struct kvstore kv = {
	.lock = MUTEX_INIT,
	.port = KVSTORE_PORT,
	.max_conns = KVSTORE_MAX_CONNS,
	.log_compactions = true,
};

static const char *disk = "xvda";
static unsigned long wait_s = 10;
static struct kvlog_params params = { .max_keys = 65536 };

static bool parse_arg(const char *a)
{
	unsigned long v;

	if (!strncmp(a, "disk=", 5) && a[5] && strlen(a + 5) < 16)
		disk = a + 5;
	else if (!strcmp(a, "format"))
		params.format = true;
	else if (!parse_key_ulong(a, "port", 65535, &v) && v)
		kv.port = v;
	else if (!parse_key_ulong(a, "conns", 100, &v) && v)
		kv.max_conns = v;
	else if (!parse_key_ulong(a, "keys", 1 << 20, &v) && v)
		params.max_keys = v;
	else if (!parse_key_ulong(a, "compact", 1UL << 40, &v))
		params.compact_at = v;
	else if (!parse_key_ulong(a, "wait", 3600, &v))
		wait_s = v;
	else
		return false;
	return true;
}

static int open_store(void)
{
	struct kvlog_recovery rec;
	char why[160];
	int rc = disk_open(disk, &params.disk_bytes, &params.unit);

	if (rc) {
		printf("kvstore: cannot open /dev/%s: %s. Give the domain a "
		       "disk, e.g. disk = [ 'format=raw,vdev=%s,access=rw,"
		       "target=/path/to/kv.img' ] (apps/kvstore/kvstore.cfg)."
		       " Stopping.\n",
		       disk, strerror(rc), disk);
		return 1;
	}
	printf("kvstore: %s: %llu bytes in sectors of %u\n", disk,
	       (unsigned long long)params.disk_bytes, params.unit);
	params.gen_seed = (monotonic_ns() ^ wallclock_ns()) << 16 | 1;
	rc = kvlog_open(&kv.log, &disk_io, &params, &rec, why, sizeof(why));
	if (rc) {
		printf("kvstore: %s: %s. Stopping.\n", disk, why);
		return 1;
	}
	printf("kvstore: store: 2 regions of %llu bytes from byte %llu, "
	       "region %u active, generation %llu; keys of 1..%d bytes, "
	       "values of 0..%d, at most %zu keys and %llu bytes live\n",
	       (unsigned long long)kv.log.h.region_bytes,
	       (unsigned long long)kv.log.h.data_start, kv.log.h.active,
	       (unsigned long long)kv.log.h.rgen, KV_KEY_MAX, KV_VALUE_MAX,
	       params.max_keys, (unsigned long long)kvlog_live_max(&kv.log));
	if (rec.formatted)
		printf("kvstore: recovered 0 records: a new store (the disk "
		       "was %s)\n",
		       params.format ? "formatted as asked" : "blank");
	else
		printf("kvstore: recovered %lu records (%lu PUT, %lu DEL): "
		       "%zu keys, %llu bytes live; the log ends at byte %llu "
		       "(%s); torn tail dropped: %s\n",
		       rec.records, rec.puts, rec.dels, kv.log.idx.count,
		       (unsigned long long)kv.log.idx.bytes,
		       (unsigned long long)rec.end, rec.stop,
		       rec.torn ? "yes" : "no");
	return 0;
}

int main(int argc, char **argv)
{
	static struct wait_queue never = WAIT_QUEUE_INIT;
	char addr[16];
	uint32_t ip;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!parse_arg(argv[i])) {
			printf("kvstore: unknown argument '%s'\nusage: kvstore "
			       "[disk=NAME] [port=N] [conns=N] [keys=N] "
			       "[compact=BYTES] [wait=SECS] [format]\n",
			       argv[i]);
			return 2;
		}
	}
	if (open_store())
		return 1;
	rc = server_start();
	if (rc) {
		printf("kvstore: cannot listen on port %u: %s\n", kv.port,
		       strerror(rc));
		return 1;
	}
	ip = pvnet_wait_host_ipv4(wait_s * 1000);
	if (!ip) {
		printf("kvstore: no network: no interface other than loopback "
		       "came up with an address within %lu s; give the cfg a "
		       "vif, e.g. vif = [ 'bridge=xenbr0,ip=192.0.2.70' ]. "
		       "Stopping.\n",
		       wait_s);
		return 1;
	}
	inet_ntop(AF_INET, &ip, addr, sizeof(addr));
	printf("kvstore: serving on %s:%u - from dom0: echo 'GET key' | nc "
	       "%s %u (PUT key value, GET key, DEL key, STATS, QUIT)\n",
	       addr, kv.port, addr, kv.port);
	/* The connections are threads; xl shutdown ends the domain
	 * through the server's hook (server.c). */
	wait_event(never, false);
	return 0;
}
