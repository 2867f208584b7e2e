/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtio PCI transport, legacy interface: QEMU's transitional devices
 * (device ids 0x1000..0x103f) keep the pre-1.0 register block in I/O BAR 0,
 * little endian, features limited to the low 32 bits.
 */
#include <errno.h>
#include <uk/arch/lcpu.h>
#include <uk/print.h>
#include "virtio.h"

int virtio_pci_init(struct virtio_dev *vd, struct ukpci_dev *pci)
{
	const struct ukpci_bar *bar = &pci->bar[0];

	if (bar->type != UKPCI_BAR_IO || bar->size < VIRTIO_LEG_DEVICE_CFG) {
		uk_pr_warn("virtio %02x:%02x.%02x: no legacy I/O BAR 0 (modern-only device?)\n",
		           pci->bus, pci->dev, pci->fn);
		return -ENODEV;
	}
	vd->pci = pci;
	vd->iobase = (uint16_t)bar->base;
	vd->features = 0;
	ukpci_enable(pci, UKPCI_CMD_IO | UKPCI_CMD_MASTER);
	return 0;
}

void virtio_reset(struct virtio_dev *vd)
{
	outb(vd->iobase + VIRTIO_LEG_STATUS, 0);
	/* the reset is complete once the register reads back 0 */
	while (inb(vd->iobase + VIRTIO_LEG_STATUS))
		ukarch_pause();
}

uint8_t virtio_status_get(struct virtio_dev *vd)
{
	return inb(vd->iobase + VIRTIO_LEG_STATUS);
}

void virtio_status_set(struct virtio_dev *vd, uint8_t bits)
{
	outb(vd->iobase + VIRTIO_LEG_STATUS, virtio_status_get(vd) | bits);
}

uint64_t virtio_negotiate(struct virtio_dev *vd, uint64_t wanted)
{
	uint64_t offered = inl(vd->iobase + VIRTIO_LEG_DEV_FEATURES);

	vd->features = offered & wanted & 0xffffffffULL;
	outl(vd->iobase + VIRTIO_LEG_DRV_FEATURES, (uint32_t)vd->features);
	return vd->features;
}

void virtio_cfg_read(struct virtio_dev *vd, unsigned int off, void *buf, unsigned int len)
{
	uint8_t *p = buf;
	unsigned int i;

	for (i = 0; i < len; i++)
		p[i] = inb((uint16_t)(vd->iobase + VIRTIO_LEG_DEVICE_CFG + off + i));
}

uint16_t virtio_queue_size(struct virtio_dev *vd, uint16_t index)
{
	outw(vd->iobase + VIRTIO_LEG_QUEUE_SEL, index);
	return inw(vd->iobase + VIRTIO_LEG_QUEUE_SIZE);
}

int virtio_queue_activate(struct virtio_dev *vd, struct virtq *vq)
{
	uintptr_t pa = (uintptr_t)vq->ring_mem; /* identity mapped */

	if (pa % VIRTIO_LEG_RING_ALIGN || (pa >> 12) > 0xffffffffULL)
		return -EINVAL;
	outw(vd->iobase + VIRTIO_LEG_QUEUE_SEL, vq->index);
	outl(vd->iobase + VIRTIO_LEG_QUEUE_PFN, (uint32_t)(pa >> 12));
	return 0;
}

void virtio_queue_notify(struct virtio_dev *vd, uint16_t index)
{
	outw(vd->iobase + VIRTIO_LEG_QUEUE_NOTIFY, index);
}
