/*
 * netfront_bufs.c - a vif's buffer pages and their grants.
 *
 * Each RX buffer is a whole page granted read-write: netback copies a
 * frame into it at an offset of its choosing (rx-copy), so the page
 * cannot be shared. Each TX page holds two buffers of 2 KiB, granted
 * read-only (netback copies the headers and maps the rest; it answers
 * only once it unmapped, so the buffer is ours again then). Grants are
 * made once per connection and reused by every frame: no grant-table
 * work on the data path, and the count of grants a vif holds is fixed
 * (stats.grants), which is how a leak would show.
 *
 * Ending a grant follows the frontend layer's rule (docs/xenbus.md): a
 * page the backend still maps is never reused, it stays with it.
 */
#include <arch/layout.h>
#include <pvmini/console.h>
#include <pvmini/gnttab.h>
#include <pvmini/page_alloc.h>
#include "kernel/drivers/net/netfront_internal.h"

int nf_bufs_alloc(struct netdev *nd)
{
	for (unsigned int i = 0; i < NF_RX_BUFS; i++)
		if (!(nd->rx_page[i] = alloc_pages(0)))
			goto short_of_memory;
	for (unsigned int i = 0; i < NF_TX_PAGES; i++)
		if (!(nd->tx_page[i] = alloc_pages(0)))
			goto short_of_memory;
	return 0;
short_of_memory:
	printk("%s: no memory for %u buffer pages (%u KiB)\n", nd->xb.label,
	       NF_RX_BUFS + NF_TX_PAGES, (NF_RX_BUFS + NF_TX_PAGES) * 4);
	return -XEN_ENOMEM;
}

static int grant(struct netdev *nd, void *page, bool ro, grant_ref_t *ref,
		 bool *granted)
{
	int rc = gnttab_grant_access(nd->xb.backend_id, page, ro);

	if (rc < 0) {
		printk("%s: granting a buffer page: %s (%u grants free)\n",
		       nd->xb.label, xs_error_name(rc), gnttab_free());
		return rc;
	}
	*ref = (grant_ref_t)rc;
	*granted = true;
	nd->stats.grants++;
	return 0;
}

int nf_bufs_grant(struct netdev *nd)
{
	int rc = 0;

	for (unsigned int i = 0; i < NF_RX_BUFS && !rc; i++)
		rc = grant(nd, nd->rx_page[i], false, &nd->rx_gref[i],
			   &nd->rx_granted[i]);
	for (unsigned int i = 0; i < NF_TX_PAGES && !rc; i++)
		rc = grant(nd, nd->tx_page[i], true, &nd->tx_gref[i],
			   &nd->tx_granted[i]);
	return rc;
}

/* Returns whether the page is free to go. */
static bool end(struct netdev *nd, grant_ref_t ref, bool *granted)
{
	int rc;

	if (!*granted)
		return true;
	rc = gnttab_end_access(ref);
	if (rc == -XEN_EBUSY)
		return false;
	if (rc)
		printk("%s: ending grant %u: %s\n", nd->xb.label, ref,
		       xs_error_name(rc));
	*granted = false;
	nd->stats.grants--;
	return true;
}

unsigned int nf_bufs_end_grants(struct netdev *nd)
{
	unsigned int kept = 0;

	for (unsigned int i = 0; i < NF_RX_BUFS; i++)
		kept += !end(nd, nd->rx_gref[i], &nd->rx_granted[i]);
	for (unsigned int i = 0; i < NF_TX_PAGES; i++)
		kept += !end(nd, nd->tx_gref[i], &nd->tx_granted[i]);
	return kept;
}

void nf_bufs_free(struct netdev *nd)
{
	for (unsigned int i = 0; i < NF_RX_BUFS; i++)
		if (nd->rx_page[i] && !nd->rx_granted[i]) {
			free_pages(nd->rx_page[i], 0);
			nd->rx_page[i] = NULL;
		}
	for (unsigned int i = 0; i < NF_TX_PAGES; i++)
		if (nd->tx_page[i] && !nd->tx_granted[i]) {
			free_pages(nd->tx_page[i], 0);
			nd->tx_page[i] = NULL;
		}
}
