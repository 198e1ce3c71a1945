/*
 * gntcheck - the dom0 side of the grant-table test. Maps a page a guest
 * granted to dom0 (libxengnttab, read-only), compares the text at its
 * start with what the guest said it wrote, and reports both on stdout and
 * in the guest's xenstore home, so the guest can react while the page is
 * still mapped:
 *
 *   gntcheck DOMID REF EXPECTED HOLD_SECONDS
 *
 * writes /local/domain/DOMID/data/gnt-result = "match" or "mismatch",
 * keeps the mapping HOLD_SECONDS (the guest must be refused ending the
 * grant meanwhile), unmaps, then writes data/gnt-unmapped = "1".
 * Exit: 0 match, 1 mismatch, 2 usage or a failed call.
 *
 * Built by tests/rig/setup with the host's gcc against libxen-dev and
 * added to the rig's dom0 initramfs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xengnttab.h>
#include <xenstore.h>

static int put(struct xs_handle *xs, unsigned int domid, const char *key,
	       const char *value)
{
	char path[128];

	snprintf(path, sizeof(path), "/local/domain/%u/data/%s", domid, key);
	if (!xs_write(xs, XBT_NULL, path, value, strlen(value))) {
		perror("gntcheck: xs_write");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned int domid, ref, hold;
	struct xs_handle *xs;
	xengnttab_handle *xgt;
	char *page, got[256];
	int match;

	if (argc != 5) {
		fprintf(stderr, "usage: gntcheck DOMID REF EXPECTED HOLD\n");
		return 2;
	}
	domid = strtoul(argv[1], NULL, 0);
	ref = strtoul(argv[2], NULL, 0);
	hold = strtoul(argv[4], NULL, 0);
	xgt = xengnttab_open(NULL, 0);
	xs = xs_open(0);
	if (!xgt || !xs) {
		perror("gntcheck: xengnttab_open / xs_open");
		return 2;
	}
	page = xengnttab_map_grant_ref(xgt, domid, ref, PROT_READ);
	if (!page) {
		perror("gntcheck: xengnttab_map_grant_ref");
		put(xs, domid, "gnt-result", "map-failed");
		return 2;
	}
	/* The guest's text, bounded: the page is the other domain's data. */
	memcpy(got, page, sizeof(got) - 1);
	got[sizeof(got) - 1] = '\0';
	match = !strcmp(got, argv[3]);
	printf("gntcheck: domain %u ref %u: '%s' %s\n", domid, ref, got,
	       match ? "matches" : "DOES NOT MATCH");
	fflush(stdout);
	if (put(xs, domid, "gnt-result", match ? "match" : "mismatch"))
		return 2;
	sleep(hold);
	if (xengnttab_unmap(xgt, page, 1)) {
		perror("gntcheck: xengnttab_unmap");
		return 2;
	}
	printf("gntcheck: unmapped after %u s\n", hold);
	if (put(xs, domid, "gnt-unmapped", "1"))
		return 2;
	xs_close(xs);
	xengnttab_close(xgt);
	return match ? 0 : 1;
}
