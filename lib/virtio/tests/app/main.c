/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-net end to end against QEMU's user-mode network (slirp), with raw
 * Ethernet frames through <uk/netdev.h>:
 *  - ARP request for the gateway (netdev.ip's second field): slirp answers;
 *  - ICMP echo requests to the gateway: slirp answers each with a reply;
 *  - at least one rx_wait() that started with nothing pending must end
 *    before its deadline: only the device interrupt wakes it.
 * Exit status 0 when all of that held; the other values name the step
 * that failed (see enum below). Mode words: "net" (default), "nodev",
 * "ipcfg" (netdev.ip entry 0 valid, entry 1 refused).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <uk/netdev.h>
#include <uk/plat/time.h>

enum {
	ST_OK = 0,
	ST_NODEV = 2,
	ST_IPCFG = 3,
	ST_START = 4,
	ST_TX = 5,
	ST_ARP = 6,
	ST_ICMP = 7,
	ST_IRQ = 8,
	ST_UNEXPECTED_DEV = 9,
};

#define ETH_HLEN   14
#define ETH_P_IP   0x0800
#define ETH_P_ARP  0x0806
#define FRAME_MIN  60
#define WAIT_NS    3000000000ULL
#define ECHO_ID    0x5543
#define PINGS      4
#define ECHO_BYTES 32

static uint8_t frame[2048];
static unsigned int woken_waits;

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* addresses from uk_netdev_ipv4 are already in network byte order */
static void put_addr(uint8_t *p, uint32_t net)
{
	memcpy(p, &net, 4);
}

static uint16_t csum(const uint8_t *p, size_t len)
{
	uint32_t s = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		s += get16(p + i);
	if (len & 1)
		s += (uint32_t)p[len - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static void print_addr(const char *what, uint32_t net)
{
	const uint8_t *b = (const uint8_t *)&net;

	printf("%s %u.%u.%u.%u\n", what, b[0], b[1], b[2], b[3]);
}

static struct uk_netdev *find_virtio(void)
{
	unsigned int i;

	for (i = 0; i < uk_netdev_count(); i++)
		if (!strcmp(uk_netdev_get(i)->driver, "virtio-net"))
			return uk_netdev_get(i);
	return NULL;
}

static int send(struct uk_netdev *dev, const uint8_t *buf, size_t len)
{
	struct uk_netdev_seg seg[2] = {{buf, ETH_HLEN}, {buf + ETH_HLEN, len - ETH_HLEN}};
	uint8_t pad[FRAME_MIN] = {0};
	int rc;

	/* two segments, as a stack hands them over; short frames padded */
	if (len < FRAME_MIN) {
		memcpy(pad, buf, len);
		seg[0].base = pad;
		seg[1].base = pad + ETH_HLEN;
		seg[1].len = FRAME_MIN - ETH_HLEN;
	}
	rc = uk_netdev_tx(dev, seg, 2);
	if (rc)
		printf("tx failed: %d\n", rc);
	return rc;
}

/*
 * The next frame that `match` accepts, waiting up to WAIT_NS; counts the
 * waits that began with nothing pending and ended early (interrupt).
 */
static int receive(struct uk_netdev *dev, int (*match)(const uint8_t *, int, void *), void *arg)
{
	uint64_t deadline = ukplat_monotonic_clock() + WAIT_NS, t0;
	int len, pending;

	for (;;) {
		while ((len = uk_netdev_rx(dev, frame, sizeof(frame))) > 0)
			if (match(frame, len, arg))
				return len;
		t0 = ukplat_monotonic_clock();
		pending = dev->ops->rx_pending(dev);
		if (uk_netdev_rx_wait(dev, deadline))
			return -1;
		if (!pending && ukplat_monotonic_clock() < deadline) {
			woken_waits++;
			printf("rx_wait woken after %lu us (deadline in %lu ms)\n",
			       (unsigned long)((ukplat_monotonic_clock() - t0) / 1000),
			       (unsigned long)((deadline - t0) / 1000000));
		}
	}
}

struct arp_want {
	uint32_t spa, tpa;
	uint8_t sha[6];
};

static int is_arp_reply(const uint8_t *f, int len, void *arg)
{
	struct arp_want *w = arg;

	if (len < ETH_HLEN + 28 || get16(f + 12) != ETH_P_ARP || get16(f + ETH_HLEN + 6) != 2)
		return 0;
	if (memcmp(f + ETH_HLEN + 14, &w->spa, 4) || memcmp(f + ETH_HLEN + 24, &w->tpa, 4))
		return 0;
	memcpy(w->sha, f + ETH_HLEN + 8, 6);
	return 1;
}

static int arp_resolve(struct uk_netdev *dev, const struct uk_netdev_ipv4 *ip, uint8_t *mac)
{
	struct arp_want w = {.spa = ip->gateway, .tpa = ip->addr};
	uint8_t *a = frame + ETH_HLEN;
	uint64_t t0 = ukplat_monotonic_clock();

	memset(frame, 0, 42);
	memset(frame, 0xff, 6);
	memcpy(frame + 6, dev->hwaddr, 6);
	put16(frame + 12, ETH_P_ARP);
	put16(a, 1);            /* Ethernet */
	put16(a + 2, ETH_P_IP); /* IPv4 */
	a[4] = 6;               /* hardware address length */
	a[5] = 4;               /* protocol address length */
	put16(a + 6, 1);        /* request */
	memcpy(a + 8, dev->hwaddr, 6);
	put_addr(a + 14, ip->addr);
	put_addr(a + 24, ip->gateway);
	if (send(dev, frame, 42))
		return ST_TX;
	if (receive(dev, is_arp_reply, &w) < 0) {
		printf("no ARP reply\n");
		return ST_ARP;
	}
	memcpy(mac, w.sha, 6);
	print_addr("ARP reply from", ip->gateway);
	printf("gateway MAC %02x:%02x:%02x:%02x:%02x:%02x after %lu us\n", mac[0], mac[1], mac[2],
	       mac[3], mac[4], mac[5], (unsigned long)((ukplat_monotonic_clock() - t0) / 1000));
	return ST_OK;
}

struct echo_want {
	uint32_t gw;
	uint16_t seq;
};

static int is_echo_reply(const uint8_t *f, int len, void *arg)
{
	const struct echo_want *w = arg;
	const uint8_t *ip = f + ETH_HLEN, *icmp = ip + 20;

	if (len < ETH_HLEN + 20 + 8 || get16(f + 12) != ETH_P_IP || ip[9] != 1)
		return 0;
	if (memcmp(ip + 12, &w->gw, 4) || (ip[0] & 0xf) != 5)
		return 0;
	return icmp[0] == 0 && get16(icmp + 4) == ECHO_ID && get16(icmp + 6) == w->seq &&
	       csum(icmp, (size_t)get16(ip + 2) - 20) == 0;
}

static int ping(struct uk_netdev *dev, const struct uk_netdev_ipv4 *ipc, const uint8_t *gwmac,
                uint16_t seq)
{
	uint8_t *ip = frame + ETH_HLEN, *icmp = ip + 20;
	size_t ilen = 8 + ECHO_BYTES, i;
	struct echo_want w = {ipc->gateway, seq};
	uint64_t t0 = ukplat_monotonic_clock();

	memset(frame, 0, sizeof(frame));
	memcpy(frame, gwmac, 6);
	memcpy(frame + 6, dev->hwaddr, 6);
	put16(frame + 12, ETH_P_IP);
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)(20 + ilen));
	put16(ip + 4, 1);
	ip[8] = 64; /* TTL */
	ip[9] = 1;  /* ICMP */
	put_addr(ip + 12, ipc->addr);
	put_addr(ip + 16, w.gw);
	put16(ip + 10, csum(ip, 20));
	icmp[0] = 8; /* echo request */
	put16(icmp + 4, ECHO_ID);
	put16(icmp + 6, seq);
	for (i = 0; i < ECHO_BYTES; i++)
		icmp[8 + i] = (uint8_t)i;
	put16(icmp + 2, csum(icmp, ilen));
	if (send(dev, frame, ETH_HLEN + 20 + ilen))
		return ST_TX;
	if (receive(dev, is_echo_reply, &w) < 0) {
		printf("no ICMP echo reply (seq %u)\n", seq);
		return ST_ICMP;
	}
	print_addr("ICMP echo reply from", w.gw);
	printf("ping seq %u round trip %lu us\n", seq,
	       (unsigned long)((ukplat_monotonic_clock() - t0) / 1000));
	return ST_OK;
}

static int net_test(void)
{
	struct uk_netdev *dev = find_virtio();
	struct uk_netdev_ipv4 ip;
	uint8_t gwmac[6];
	uint16_t seq;
	int rc;

	if (!dev) {
		printf("no virtio-net device\n");
		return ST_NODEV;
	}
	if (uk_netdev_ipv4_config(dev->id, &ip) || !ip.gateway) {
		printf("netdev.ip for netdev%u missing or without gateway\n", dev->id);
		return ST_IPCFG;
	}
	print_addr("address", ip.addr);
	if (uk_netdev_start(dev))
		return ST_START;
	rc = arp_resolve(dev, &ip, gwmac);
	/* several echoes: each is a chance for a wait that the interrupt ends
	 * (a reply can also be in the ring before we look) */
	for (seq = 1; !rc && seq <= PINGS; seq++)
		rc = ping(dev, &ip, gwmac, seq);
	printf("counters: rx %lu frames %lu bytes (%lu dropped), tx %lu frames %lu bytes "
	       "(%lu errors)\n",
	       (unsigned long)dev->rx_frames, (unsigned long)dev->rx_bytes,
	       (unsigned long)dev->rx_dropped, (unsigned long)dev->tx_frames,
	       (unsigned long)dev->tx_bytes, (unsigned long)dev->tx_errors);
	printf("interrupt-woken waits: %u\n", woken_waits);
	if (!rc && !woken_waits)
		rc = ST_IRQ;
	return rc;
}

int main(int argc, char *argv[])
{
	const char *mode = argc > 1 ? argv[1] : "net";
	struct uk_netdev_ipv4 ip;
	int rc;

	if (!strcmp(mode, "nodev")) {
		rc = find_virtio() ? ST_UNEXPECTED_DEV : ST_OK;
		printf("netdevs: %u, virtio-net: %s\n", uk_netdev_count(), rc ? "yes" : "none");
		return rc;
	}
	if (!strcmp(mode, "ipcfg")) {
		/* netdev.ip=[ <good> <bad> ]: the first usable, the second refused */
		rc = uk_netdev_ipv4_config(0, &ip);
		printf("netdev.ip entry 0: %d, entry 1: %d\n", rc, uk_netdev_ipv4_config(1, &ip));
		return !rc && uk_netdev_ipv4_config(1, &ip) == -EINVAL ? ST_OK : ST_IPCFG;
	}
	rc = net_test();
	printf("net test: %s (%d)\n", rc ? "failed" : "passed", rc);
	return rc;
}
