/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-net's interrupt handler (built with -mgeneral-regs-only): PCI INTx
 * or a virtio-mmio line. The line is level triggered and may be shared:
 * reading the ISR register (MMIO: InterruptStatus, then InterruptACK) both
 * tells whether this device raised it and lowers it.
 */
#include "virtio_net.h"

int virtio_net_irq(void *arg)
{
	struct virtio_net *vn = arg;
	uint8_t isr = virtio_isr_ack(&vn->vd);

	if (!isr)
		return 0;
	vn->irqs++;
	/* only the receive queue interrupts (transmit has them suppressed);
	 * configuration changes (link status) need no action */
	if (isr & VIRTIO_ISR_QUEUE)
		uk_netdev_rx_event(&vn->nd);
	return 1;
}
