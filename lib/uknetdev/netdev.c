/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The netdev registry and the wrappers around each driver's operations:
 * argument checks, counters, and the sleep until frames arrive.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/arch/lcpu.h>
#include <uk/netdev.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/wait.h>

/* drivers register at the plat init level, users look devices up later:
 * the table lives as long as the image */
static struct uk_netdev *devs[UK_NETDEV_MAX];
static unsigned int ndevs;

static int ops_complete(const struct uk_netdev_ops *ops)
{
	return ops && ops->start && ops->tx && ops->rx && ops->rx_pending;
}

int uk_netdev_register(struct uk_netdev *dev)
{
	unsigned int i;

	if (!dev || !ops_complete(dev->ops) || !dev->driver)
		return -EINVAL;
	for (i = 0; i < ndevs; i++)
		if (devs[i] == dev)
			return -EINVAL;
	if (ndevs == UK_NETDEV_MAX) {
		uk_pr_err("%s device %p not registered: UK_NETDEV_MAX (%d) reached\n", dev->driver,
		          dev, UK_NETDEV_MAX);
		return -ENOSPC;
	}
	dev->id = ndevs;
	dev->started = 0;
	uk_waitq_init(&dev->rx_wq);
	dev->rx_frames = dev->rx_bytes = dev->rx_dropped = 0;
	dev->tx_frames = dev->tx_bytes = dev->tx_errors = 0;
	devs[ndevs++] = dev;
	uk_pr_info("Registered netdev%u: %p (%s)\n", dev->id, dev, dev->driver);
	return 0;
}

unsigned int uk_netdev_count(void)
{
	return ndevs;
}

struct uk_netdev *uk_netdev_get(unsigned int id)
{
	return id < ndevs ? devs[id] : NULL;
}

int uk_netdev_start(struct uk_netdev *dev)
{
	const uint8_t *m;
	int rc;

	if (!dev)
		return -EINVAL;
	if (dev->started)
		return -EALREADY;
	m = dev->hwaddr;
	uk_pr_info("netdev%u: Configured interface (%02x:%02x:%02x:%02x:%02x:%02x, mtu %u)\n",
	           dev->id, m[0], m[1], m[2], m[3], m[4], m[5], dev->mtu);
	rc = dev->ops->start(dev);
	if (rc) {
		uk_pr_err("netdev%u: start failed (%d)\n", dev->id, rc);
		return rc;
	}
	dev->started = 1;
	uk_pr_info("netdev%u: Started interface\n", dev->id);
	return 0;
}

int uk_netdev_tx(struct uk_netdev *dev, const struct uk_netdev_seg *seg, unsigned int nseg)
{
	size_t len = 0;
	unsigned int i;
	int rc;

	if (!dev || (!seg && nseg))
		return -EINVAL;
	if (!dev->started)
		return -ENETDOWN;
	for (i = 0; i < nseg; i++)
		len += seg[i].len;
	if (len == 0)
		return -EINVAL;
	rc = dev->ops->tx(dev, seg, nseg);
	if (rc == 0) {
		dev->tx_frames++;
		dev->tx_bytes += len;
	} else if (rc != -EAGAIN) {
		dev->tx_errors++;
	}
	return rc;
}

int uk_netdev_rx(struct uk_netdev *dev, void *buf, size_t cap)
{
	int rc;

	if (!dev || (!buf && cap))
		return -EINVAL;
	if (!dev->started)
		return -ENETDOWN;
	rc = dev->ops->rx(dev, buf, cap);
	if (rc > 0) {
		dev->rx_frames++;
		dev->rx_bytes += (uint64_t)rc;
	} else if (rc == -EMSGSIZE) {
		dev->rx_dropped++;
	}
	return rc;
}

/*
 * Interrupts stay off from the rx_pending() check until the thread is on
 * the wait queue and switched away (uk_waitq_wait_until blocks with them
 * off), so an interrupt that signals a frame right after the check still
 * finds us queued and wakes us.
 */
int uk_netdev_rx_wait(struct uk_netdev *dev, uint64_t deadline)
{
	unsigned long flags;
	int rc = 0;

	if (!dev)
		return -EINVAL;
	if (!dev->started)
		return -ENETDOWN;
	flags = ukarch_irq_save();
	while (!dev->ops->rx_pending(dev)) {
		if (deadline && ukplat_monotonic_clock() >= deadline) {
			rc = -ETIMEDOUT;
			break;
		}
		uk_waitq_wait_until(&dev->rx_wq, deadline);
	}
	ukarch_irq_restore(flags);
	return rc;
}
