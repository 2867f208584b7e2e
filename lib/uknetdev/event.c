/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one uknetdev entry point for interrupt context, in a file of its own
 * so that it alone is built with -mgeneral-regs-only.
 */
#include <uk/netdev.h>
#include <uk/wait.h>

void uk_netdev_rx_event(struct uk_netdev *dev)
{
	/* waiters re-check rx_pending() themselves: waking them all is enough */
	uk_waitq_wake_up_all(&dev->rx_wq);
}
