/* SPDX-License-Identifier: BSD-3-Clause */
/* virtio-net driver state, shared by the driver and its interrupt handler */
#ifndef VIRTIO_NET_PRIV_H
#define VIRTIO_NET_PRIV_H

#include <uk/netdev.h>
#include "virtio.h"

struct virtio_net {
	struct uk_netdev nd;
	struct virtio_dev vd;
	struct virtq rxq, txq;
	unsigned int hdr_len; /* virtio-net header in front of each frame */
	unsigned int irq;
	unsigned int index;          /* virtio-net <index> in log lines */
	volatile unsigned long irqs; /* interrupts this device claimed */
};

int virtio_net_irq(void *arg);

#endif /* VIRTIO_NET_PRIV_H */
