/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Network devices (contracts.md section 10): drivers (lib/virtio's
 * virtio-net) register a struct uk_netdev; a network stack (libs/lwip) finds
 * them by number, sends and receives whole Ethernet frames (no FCS) by copy,
 * and sleeps in uk_netdev_rx_wait() until a frame may be pending.
 */
#ifndef UK_NETDEV_H
#define UK_NETDEV_H

#include <stddef.h>
#include <stdint.h>
#include <uk/wait.h>

#define UK_NETDEV_MAX        4
#define UK_NETDEV_HWADDR_LEN 6

struct uk_netdev;

/* one piece of an outgoing frame (lwIP hands over chains of buffers) */
struct uk_netdev_seg {
	const void *base;
	size_t len;
};

struct uk_netdev_ops {
	/* queues ready, receive buffers posted, interrupts on: 0 or -errno */
	int (*start)(struct uk_netdev *dev);
	/* queues one frame made of nseg pieces (copied before return): 0,
	 * -EAGAIN (no room until earlier frames complete), -EMSGSIZE */
	int (*tx)(struct uk_netdev *dev, const struct uk_netdev_seg *seg, unsigned int nseg);
	/* takes the oldest received frame into buf: its length, 0 if none is
	 * pending, -EMSGSIZE (frame longer than cap: dropped) */
	int (*rx)(struct uk_netdev *dev, void *buf, size_t cap);
	/* non-zero if rx() would return a frame; callable with interrupts off */
	int (*rx_pending)(struct uk_netdev *dev);
};

struct uk_netdev {
	/* set by the driver before uk_netdev_register() */
	const struct uk_netdev_ops *ops;
	const char *driver;                   /* "virtio-net" */
	uint8_t hwaddr[UK_NETDEV_HWADDR_LEN]; /* MAC address */
	uint16_t mtu;                         /* payload bytes, 1500 */
	void *priv;                           /* the driver's */
	/* set by uknetdev */
	unsigned int id; /* netdev<id>, in registration order */
	int started;
	struct uk_waitq rx_wq; /* woken by uk_netdev_rx_event() */
	uint64_t rx_frames, rx_bytes, rx_dropped, tx_frames, tx_bytes, tx_errors;
};

/* drivers: 0, -ENOSPC (UK_NETDEV_MAX reached), -EINVAL; logs "Registered netdev<id>: <ptr>
 * (<driver>)" */
int uk_netdev_register(struct uk_netdev *dev);
/* drivers, from the device's interrupt handler: frames arrived */
void uk_netdev_rx_event(struct uk_netdev *dev);

/* users */
unsigned int uk_netdev_count(void);
struct uk_netdev *uk_netdev_get(unsigned int id); /* NULL if no such device */
int uk_netdev_start(struct uk_netdev *dev);       /* once; logs "netdev<id>: Started interface" */
int uk_netdev_tx(struct uk_netdev *dev, const struct uk_netdev_seg *seg, unsigned int nseg);
int uk_netdev_rx(struct uk_netdev *dev, void *buf, size_t cap);
/* blocks until rx_pending() is true (0) or the monotonic clock reaches
 * deadline (-ETIMEDOUT; 0 = no deadline); no wake-up can be lost between
 * the check and the sleep */
int uk_netdev_rx_wait(struct uk_netdev *dev, uint64_t deadline);
/* before uk_netdev_start(): tx, rx and rx_wait answer -ENETDOWN; a second
 * start answers -EALREADY. tx: -EINVAL for an empty frame. */

/*
 * The library parameter netdev.ip (the tutorial's syntax), one entry per
 * device in order: netdev.ip=<addr>/<prefix len>:<gateway>[:<dns0>[:<dns1>]]
 * or netdev.ip=[ <cfg of netdev0> <cfg of netdev1> ]. Addresses in network
 * byte order; an absent gateway or DNS server is 0.
 */
struct uk_netdev_ipv4 {
	uint32_t addr, netmask, gateway, dns[2];
};
/* 0, -ENOENT (no entry for this device), -EINVAL (logged with the text) */
int uk_netdev_ipv4_config(unsigned int id, struct uk_netdev_ipv4 *out);
/* the parser behind it, for one entry: 0, or -EINVAL with *why (if not
 * NULL) set to a short reason; *out is written only on success */
int uk_netdev_ipv4_parse(const char *text, struct uk_netdev_ipv4 *out, const char **why);

#endif /* UK_NETDEV_H */
