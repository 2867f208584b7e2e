/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One lwIP interface per netdev (lib/uknetdev): frames go out through
 * uk_netdev_tx() as the pbuf chain's pieces, and a receive thread per
 * device copies frames into pbufs and hands them to lwIP, sleeping in
 * uk_netdev_rx_wait() while none is pending.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/netdev.h>
#include <uk/print.h>
#include <uk/sched.h>
#include <uk/thread.h>
#include <uk/plat/time.h>

#include "lwip/opt.h"
#include "lwip/dhcp.h"
#include "lwip/dns.h"
#include "lwip/etharp.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/tcpip.h"
#include "netif/ethernet.h"
#include "uk_lwip.h"

/* pieces of one outgoing frame passed to the driver; a longer pbuf chain
 * is first copied into one buffer */
#define TX_MAX_SEGS 16
/* uk_netdev_tx() -EAGAIN: yield to let the device complete frames, at
 * most this many times, then drop the frame (TCP sends it again) */
#define TX_RETRIES 1000
/* frames handled before the receive thread lets other threads run */
#define RX_BATCH 32
/* how long the boot waits for a DHCP lease (the network is up before main) */
#define DHCP_WAIT_MS 5000
/* Ethernet header plus an optional VLAN tag on top of the MTU */
#define ETH_OVERHEAD (SIZEOF_ETH_HDR + 4)

struct uk_lwip_netif {
	struct netif nif;
	struct uk_netdev *dev;
	size_t rx_cap; /* largest frame accepted */
	unsigned long tx_dropped;
};

static err_t tx_frame(struct uk_lwip_netif *un, const struct uk_netdev_seg *seg, unsigned int nseg)
{
	int rc = -EAGAIN;

	for (int i = 0; i < TX_RETRIES && rc == -EAGAIN; i++) {
		rc = uk_netdev_tx(un->dev, seg, nseg);
		if (rc == -EAGAIN)
			uk_sched_yield();
	}
	if (rc == 0)
		return ERR_OK;
	un->tx_dropped++;
	if (rc == -EAGAIN)
		return ERR_OK; /* dropped on a full queue, as a NIC would */
	return rc == -EMSGSIZE ? ERR_BUF : ERR_IF;
}

static err_t netif_linkoutput(struct netif *nif, struct pbuf *p)
{
	struct uk_lwip_netif *un = nif->state;
	struct uk_netdev_seg seg[TX_MAX_SEGS];
	unsigned int n = 0;
	struct pbuf *q;
	err_t err;
	void *flat;

	for (q = p; q && n < TX_MAX_SEGS; q = q->next) {
		if (!q->len)
			continue;
		seg[n].base = q->payload;
		seg[n].len = q->len;
		n++;
	}
	if (!q)
		return tx_frame(un, seg, n);

	/* too many pieces: one flat copy */
	flat = uk_lwip_malloc(p->tot_len);
	if (!flat)
		return ERR_MEM;
	pbuf_copy_partial(p, flat, p->tot_len, 0);
	seg[0].base = flat;
	seg[0].len = p->tot_len;
	err = tx_frame(un, seg, 1);
	uk_lwip_free(flat);
	return err;
}

static err_t netif_setup(struct netif *nif)
{
	struct uk_lwip_netif *un = nif->state;

	nif->name[0] = 'e';
	nif->name[1] = 'n';
	nif->mtu = un->dev->mtu ? un->dev->mtu : 1500;
	nif->hwaddr_len = ETH_HWADDR_LEN;
	memcpy(nif->hwaddr, un->dev->hwaddr, ETH_HWADDR_LEN);
	nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	nif->output = etharp_output;
	nif->linkoutput = netif_linkoutput;
	return ERR_OK;
}

/* one frame into p (a contiguous pbuf of rx_cap bytes): handed to lwIP, or
 * p stays ours for the next frame; returns the driver's result */
static int rx_one(struct uk_lwip_netif *un, struct pbuf **pp)
{
	struct pbuf *p = *pp;
	int n = uk_netdev_rx(un->dev, p->payload, un->rx_cap);

	if (n <= 0)
		return n;
	pbuf_realloc(p, (u16_t)n);
	*pp = NULL;
	if (un->nif.input(p, &un->nif) != ERR_OK)
		pbuf_free(p);
	return n;
}

static void rx_thread(void *arg)
{
	struct uk_lwip_netif *un = arg;
	struct pbuf *p = NULL;
	int batch = 0, rc;

	for (;;) {
		if (!p)
			p = pbuf_alloc(PBUF_RAW, (u16_t)un->rx_cap, PBUF_RAM);
		if (!p) {
			/* out of memory: let others free some */
			uk_sched_sleep_ns(1000000);
			continue;
		}
		rc = rx_one(un, &p);
		if (rc > 0 && ++batch < RX_BATCH)
			continue;
		if (rc > 0 || rc == -EMSGSIZE) {
			batch = 0;
			uk_sched_yield();
			continue;
		}
		batch = 0;
		if (rc < 0) {
			uk_pr_err("netdev%u: receive failed (%d)\n", un->dev->id, rc);
			uk_sched_sleep_ns(10000000);
			continue;
		}
		uk_netdev_rx_wait(un->dev, 0);
	}
}

static void ip4_str(uint32_t a, char *buf, size_t len)
{
	ip4_addr_t ip;

	ip4_addr_set_u32(&ip, a);
	ip4addr_ntoa_r(&ip, buf, (int)len);
}

static unsigned int prefix_len(uint32_t netmask)
{
	return (unsigned int)__builtin_popcount(netmask);
}

static void log_config(struct uk_netdev *dev, uint32_t addr, uint32_t mask, uint32_t gw,
                       const char *how)
{
	char a[16], g[16];

	ip4_str(addr, a, sizeof(a));
	ip4_str(gw, g, sizeof(g));
	uk_pr_info("netdev%u: %s/%u gw %s%s\n", dev->id, a, prefix_len(mask), g, how);
}

static void set_dns(const struct uk_netdev_ipv4 *cfg)
{
	for (int i = 0; i < 2 && i < DNS_MAX_SERVERS; i++) {
		ip_addr_t d;

		if (!cfg->dns[i])
			continue;
		ip_addr_set_ip4_u32(&d, cfg->dns[i]);
		dns_setserver((u8_t)i, &d);
	}
}

/* starts dev and adds its interface, configured with cfg (addresses 0:
 * none yet), the default one if first; *out: the interface */
static int netif_attach(struct uk_netdev *dev, const struct uk_netdev_ipv4 *cfg, int first,
                        struct netif **out)
{
	struct uk_lwip_netif *un = uk_lwip_calloc(1, sizeof(*un));
	ip4_addr_t addr, mask, gw;
	struct uk_thread *t;
	int rc;

	if (!un)
		return -ENOMEM;
	un->dev = dev;
	un->rx_cap = (size_t)(dev->mtu ? dev->mtu : 1500) + ETH_OVERHEAD;
	ip4_addr_set_u32(&addr, cfg->addr);
	ip4_addr_set_u32(&mask, cfg->netmask);
	ip4_addr_set_u32(&gw, cfg->gateway);

	rc = uk_netdev_start(dev);
	if (rc < 0) {
		uk_pr_err("netdev%u: cannot start (%d)\n", dev->id, rc);
		uk_lwip_free(un);
		return rc;
	}
	LOCK_TCPIP_CORE();
	if (!netif_add(&un->nif, &addr, &mask, &gw, un, netif_setup, tcpip_input)) {
		UNLOCK_TCPIP_CORE();
		uk_lwip_free(un);
		return -ENOMEM;
	}
	if (first)
		netif_set_default(&un->nif);
	set_dns(cfg);
	netif_set_link_up(&un->nif);
	netif_set_up(&un->nif);
	UNLOCK_TCPIP_CORE();

	t = uk_thread_create("lwip-rx", rx_thread, un);
	if (!t)
		return -ENOMEM;
	*out = &un->nif;
	return 0;
}

static int netif_static(struct uk_netdev *dev, const struct uk_netdev_ipv4 *cfg, int first)
{
	struct netif *nif;
	int rc = netif_attach(dev, cfg, first, &nif);

	if (rc == 0)
		log_config(dev, cfg->addr, cfg->netmask, cfg->gateway, "");
	return rc;
}

#if CONFIG_LIBLWIP_DHCP
/* an interface that asks DHCP for its address; waits up to DHCP_WAIT_MS
 * for the lease (a later lease still configures it) */
static int netif_dhcp(struct uk_netdev *dev, int first)
{
	struct uk_netdev_ipv4 none = {0};
	struct netif *nif;
	uint64_t end;
	int rc, bound = 0;

	rc = netif_attach(dev, &none, first, &nif);
	if (rc < 0)
		return rc;
	LOCK_TCPIP_CORE();
	rc = dhcp_start(nif) == ERR_OK ? 0 : -ENOMEM;
	UNLOCK_TCPIP_CORE();
	if (rc < 0)
		return rc;
	end = ukplat_monotonic_clock() + DHCP_WAIT_MS * 1000000ULL;
	while (!bound && ukplat_monotonic_clock() < end) {
		uk_sched_sleep_ns(5000000);
		LOCK_TCPIP_CORE();
		bound = dhcp_supplied_address(nif);
		UNLOCK_TCPIP_CORE();
	}
	if (!bound) {
		uk_pr_warn("netdev%u: no DHCP lease after %u ms (still asking)\n", dev->id,
		           DHCP_WAIT_MS);
		return 0;
	}
	log_config(dev, ip4_addr_get_u32(netif_ip4_addr(nif)),
	           ip4_addr_get_u32(netif_ip4_netmask(nif)), ip4_addr_get_u32(netif_ip4_gw(nif)),
	           " (DHCP)");
	return 0;
}
#endif

int uk_lwip_netifs_init(void)
{
	unsigned int n = uk_netdev_count();
	int configured = 0;

	for (unsigned int id = 0; id < n; id++) {
		struct uk_netdev *dev = uk_netdev_get(id);
		struct uk_netdev_ipv4 cfg;
		int rc;

		if (!dev)
			continue;
		rc = uk_netdev_ipv4_config(id, &cfg);
#if CONFIG_LIBLWIP_DHCP
		if (rc == -ENOENT) {
			rc = netif_dhcp(dev, !configured);
			if (rc < 0)
				uk_pr_err("netdev%u: interface not added (%d)\n", id, rc);
			else
				configured++;
			continue;
		}
#endif
		if (rc < 0 || !cfg.addr) {
			uk_pr_warn(
			    "netdev%u: no address (netdev.ip=<addr>/<len>:<gw>): left down\n", id);
			continue;
		}
		/* a device that cannot start leaves the others (and the boot) going */
		rc = netif_static(dev, &cfg, !configured);
		if (rc < 0) {
			uk_pr_err("netdev%u: interface not added (%d)\n", id, rc);
			continue;
		}
		configured++;
	}
	if (!configured)
		uk_pr_warn("No network interface attached!\n"); /* the tutorial's line */
	return 0;
}
