/*
 * netfront.c - opening and closing a vif (device/vif/N): the network
 * frontend on the xenbus frontend layer (kernel/xenbus/frontend.h,
 * docs/xenbus.md, docs/net.md). What is a vif's own is here:
 *
 *  - two ring pages, "tx-ring-ref" and "rx-ring-ref", one event channel
 *    "event-channel" for both;
 *  - the keys netback reads when we say Connected:
 *      request-rx-copy=1     it refuses a frontend without it (rx-flip,
 *                            page transfer, is gone)
 *      feature-rx-notify=1   we notify after posting RX buffers; without
 *                            it netback polls every 30 ms instead
 *      feature-no-csum-offload=1  every frame arrives with its checksums
 *                            filled in (otherwise dom0's own frames come
 *                            NETRXF_csum_blank; docs/net.md "Checksums")
 *    and no feature-sg, feature-gso-*: one frame is one slot each way;
 *  - netback maps the rings only when we say Connected, and says
 *    Connected itself only once the hotplug script reported: the layer
 *    says Connected first (says_connected_first);
 *  - the mac from device/vif/N/mac, the mtu, the ip= setting from the
 *    backend's directory.
 */
#include <pvmini/console.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include "kernel/drivers/net/netfront_cfg.h"
#include "kernel/drivers/net/netfront_internal.h"

struct netdev *netdevs;
static struct mutex open_lock = MUTEX_INIT;

static const struct xenbus_key keys[] = {
	{ "request-rx-copy", "1" },
	{ "feature-rx-notify", "1" },
	{ "feature-no-csum-offload", "1" },
};

static int read_mac(struct netdev *nd)
{
	char buf[32];
	int rc = xenbus_read_key("vif", nd->xb.id, "mac", buf, sizeof(buf));

	if (rc >= 0 && nf_parse_mac(buf, nd->mac))
		rc = -XEN_EBADMSG;
	if (rc == -XEN_E2BIG)
		rc = -XEN_EBADMSG;
	if (rc < 0) {
		if (rc == -XEN_EBADMSG)
			xenbus_printable(buf);
		printk("%s: device/vif/%u/mac: %s%s%s\n", nd->xb.label,
		       nd->xb.id,
		       rc == -XEN_EBADMSG ? "not xx:xx:xx:xx:xx:xx: '"
					  : xs_error_name(rc),
		       rc == -XEN_EBADMSG ? buf : "",
		       rc == -XEN_EBADMSG ? "'" : "");
		return rc;
	}
	snprintf(nd->mac_text, sizeof(nd->mac_text),
		 "%02x:%02x:%02x:%02x:%02x:%02x", nd->mac[0], nd->mac[1],
		 nd->mac[2], nd->mac[3], nd->mac[4], nd->mac[5]);
	return 0;
}

/* The mtu node is optional (1500 without it); one we cannot use is
 * said and ignored, as netif.h allows. */
static void read_mtu(struct netdev *nd)
{
	char buf[16];
	int rc = xenbus_read_key("vif", nd->xb.id, "mtu", buf, sizeof(buf));

	nd->mtu = 1500;
	if (rc >= 0 && nf_parse_mtu(buf, &nd->mtu)) {
		xenbus_printable(buf);
		printk("%s: device/vif/%u/mtu '%s' is not 576..1500 (a frame "
		       "must fit a half-page buffer); using 1500\n",
		       nd->xb.label, nd->xb.id, buf);
	}
}

/* ip= lands in the backend's directory only; the guest may read it. */
static void read_ip(struct netdev *nd)
{
	char path[XENBUS_PATH_MAX + 8], buf[96];
	const char *why = NULL;
	int rc;

	snprintf(path, sizeof(path), "%s/ip", nd->xb.backend);
	rc = xs_read(XS_TX_NONE, path, buf, sizeof(buf));
	if (rc == -XEN_ENOENT) {
		nd->ip_rc = rc;
		return;
	}
	if (rc >= 0 && nf_parse_ip_setting(buf, &nd->ip, &why) == 0) {
		nd->ip_rc = 0;
		return;
	}
	nd->ip_rc = -XEN_EBADMSG;
	if (rc < 0) {
		printk("%s: %s: %s; the vif gets no address\n", nd->xb.label,
		       path, rc == -XEN_E2BIG ? "too long" : xs_error_name(rc));
		return;
	}
	xenbus_printable(buf);
	printk("%s: ip= '%s' (%s) is not ADDR, ADDR/PREFIX, ADDR NETMASK or "
	       "ADDR NETMASK GATEWAY: %s; the vif gets no address\n",
	       nd->xb.label, buf, path, why);
}

int nf_connect(struct netdev *nd)
{
	void *rx_ring, *tx_ring;
	int rc = xenbus_grant_ring(&nd->xb, "tx-ring-ref", &tx_ring);

	if (!rc)
		rc = xenbus_grant_ring(&nd->xb, "rx-ring-ref", &rx_ring);
	if (rc)
		return rc;
	rc = xenbus_alloc_evtchn(&nd->xb, "event-channel", nf_on_event, nd);
	if (rc < 0)
		return rc;
	nd->port = (evtchn_port_t)rc;
	rc = nf_bufs_grant(nd);
	if (rc)
		return rc;
	/* Every RX buffer is on the ring before netback maps it. */
	nf_rings_start(nd, rx_ring, tx_ring);
	nd->xb.says_connected_first = true;
	nd->xb.detail = nd->mac_text;
	return xenbus_connect(&nd->xb, keys, ARRAY_SIZE(keys));
}

static bool vif_is_open(unsigned int id)
{
	for (struct netdev *nd = netdevs; nd; nd = nd->next)
		if (nd->xb.id == id)
			return true;
	return false;
}

/* Undoes an open at any point, or a close; what the backend may still
 * use stays with it. */
static void release_vif(struct netdev *nd)
{
	unsigned int kept = 0;

	if (!nd->xb.published)
		kept = nf_bufs_end_grants(nd);
	else
		printk("%s: the backend has not let go: its %u buffer pages "
		       "stay granted to it\n",
		       nd->xb.label, NF_RX_BUFS + NF_TX_PAGES);
	xenbus_release(&nd->xb);
	nf_bufs_free(nd);
	if (kept)
		printk("%s: %u buffer page(s) still mapped by the backend stay "
		       "with it\n",
		       nd->xb.label, kept);
}

/* The toolstack sets online = 0 when it removes a device (xl
 * network-detach): such a vif is going, not to be connected again. */
static int check_online(struct netdev *nd)
{
	char path[XENBUS_PATH_MAX + 8];
	unsigned long online;
	int rc;

	snprintf(path, sizeof(path), "%s/online", nd->xb.backend);
	rc = xs_read_ulong(XS_TX_NONE, path, 1, &online);
	if (rc == 0 && online == 0) {
		printk("%s: being removed by the toolstack (online = 0)\n",
		       nd->xb.label);
		return -XEN_ENOENT;
	}
	return 0;
}

static int open_vif(struct netdev *nd, unsigned int id)
{
	int rc = xenbus_open(&nd->xb, "vif", id);

	if (!rc)
		rc = check_online(nd);
	if (rc)
		return rc;
	rc = read_mac(nd);
	if (rc)
		return rc;
	read_mtu(nd);
	read_ip(nd);
	rc = nf_bufs_alloc(nd);
	if (rc)
		return rc;
	trace_dev("%s: mac %s, mtu %u; %u RX buffers (a page each), %u TX "
		  "(half a page each)",
		  nd->xb.label, nd->mac_text, nd->mtu, NF_RX_BUFS, NF_TX_BUFS);
	return nf_connect(nd);
}

int netdev_open(unsigned int id, struct netdev **out)
{
	struct netdev *nd;
	int rc;

	if (!xenstore_available())
		return -XEN_ENODEV;
	nd = kcalloc(1, sizeof(*nd));
	if (!nd)
		return -XEN_ENOMEM;
	nd->rx_lock = (struct mutex)MUTEX_INIT;
	mutex_lock(&open_lock);
	rc = vif_is_open(id) ? -XEN_EBUSY : open_vif(nd, id);
	if (rc) {
		mutex_unlock(&open_lock);
		release_vif(nd);
		kfree(nd);
		return rc;
	}
	nd->next = netdevs;
	netdevs = nd;
	nf_pm_register(nd);
	nf_shutdown_hook_once();
	mutex_unlock(&open_lock);
	*out = nd;
	return 0;
}

int netdev_close(struct netdev *nd)
{
	struct netdev **pp;
	unsigned int left;
	int rc;

	/* Frames on the ring still reach the wire if the backend takes
	 * them now; then everyone waiting leaves. */
	left = nf_tx_drain(nd, 500 * NSEC_PER_MSEC);
	nd->closing = true;
	if (!nd->stopped)
		nd->stopped = -XEN_ENOTCONN;
	wake_all(&nd->xb.wq);
	mutex_lock(&nd->rx_lock);
	mutex_lock(&open_lock);
	for (pp = &netdevs; *pp && *pp != nd; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = nd->next;
	nf_pm_unregister(nd);
	mutex_unlock(&open_lock);
	rc = xenbus_close(&nd->xb);
	trace_dev("%s: closed: %lu frames sent, %lu received, %u dropped in "
		  "flight",
		  nd->xb.label, nd->stats.tx_frames, nd->stats.rx_frames, left);
	release_vif(nd);
	mutex_unlock(&nd->rx_lock);
	kfree(nd);
	return rc;
}

unsigned int netdev_id(const struct netdev *nd)
{
	return nd->xb.id;
}

void netdev_mac(const struct netdev *nd, uint8_t mac[6])
{
	memcpy(mac, nd->mac, sizeof(nd->mac));
}

unsigned int netdev_mtu(const struct netdev *nd)
{
	return nd->mtu;
}

int netdev_ipv4_setting(const struct netdev *nd, struct netdev_ipv4 *out)
{
	if (!nd->ip_rc)
		*out = nd->ip;
	return nd->ip_rc;
}

void netdev_get_stats(const struct netdev *nd, struct netdev_stats *out)
{
	*out = nd->stats;
	out->grants += nd->xb.nr_rings;
	out->tx_inflight = nf_tx_inflight(&nd->tx);
	out->rx_posted = nd->rx.posted_total;
}
