/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtio PCI transport. Two register interfaces:
 *  - legacy: QEMU's transitional devices (device ids 0x1000..0x103f) keep
 *    the pre-1.0 register block in I/O BAR 0, little endian, features
 *    limited to the low 32 bits. Used whenever the device has it.
 *  - modern (virtio 1.x): vendor capabilities point at the common
 *    configuration, notification, ISR and device configuration structures
 *    in memory BARs; what a device with disable-legacy=on (id 0x1041)
 *    offers. The BARs must lie below 4 GiB, where the platform's identity
 *    map covers MMIO.
 */
#include <errno.h>
#include <uk/arch/lcpu.h>
#include <uk/print.h>
#include "virtio.h"

#define MAPPED_LIMIT (1ULL << 32) /* the platform identity-maps MMIO below 4 GiB */

static uint8_t rd8(volatile uint8_t *b, unsigned int off)
{
	return b[off];
}

static uint16_t rd16(volatile uint8_t *b, unsigned int off)
{
	return *(volatile uint16_t *)(b + off);
}

static uint32_t rd32(volatile uint8_t *b, unsigned int off)
{
	return *(volatile uint32_t *)(b + off);
}

static void wr8(volatile uint8_t *b, unsigned int off, uint8_t v)
{
	b[off] = v;
}

static void wr16(volatile uint8_t *b, unsigned int off, uint16_t v)
{
	*(volatile uint16_t *)(b + off) = v;
}

static void wr32(volatile uint8_t *b, unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(b + off) = v;
}

static void wr64(volatile uint8_t *b, unsigned int off, uint64_t v)
{
	wr32(b, off, (uint32_t)v);
	wr32(b, off + 4, (uint32_t)(v >> 32));
}

/* the structure a capability at `cap` points at, or NULL if unusable */
static volatile uint8_t *cap_map(struct ukpci_dev *pci, unsigned int cap)
{
	uint8_t bar = ukpci_cfg_read8(pci, cap + VIRTIO_PCI_CAP_BAR);
	uint32_t off = ukpci_cfg_read32(pci, cap + VIRTIO_PCI_CAP_OFFSET);
	uint32_t len = ukpci_cfg_read32(pci, cap + VIRTIO_PCI_CAP_LENGTH);
	const struct ukpci_bar *b;

	if (bar >= UKPCI_NBARS)
		return NULL;
	b = &pci->bar[bar];
	if ((b->type != UKPCI_BAR_MEM32 && b->type != UKPCI_BAR_MEM64) ||
	    (uint64_t)off + len > b->size || b->base + b->size > MAPPED_LIMIT)
		return NULL;
	return (volatile uint8_t *)(uintptr_t)(b->base + off);
}

static int modern_init(struct virtio_dev *vd, struct ukpci_dev *pci)
{
	unsigned int cap = 0;
	volatile uint8_t *p;
	uint8_t type;

	while ((cap = ukpci_find_cap(pci, VIRTIO_PCI_CAP_VENDOR, cap))) {
		type = ukpci_cfg_read8(pci, cap + VIRTIO_PCI_CAP_TYPE);
		p = cap_map(pci, cap);
		/* the first usable capability of each type is the one to use */
		if (!p)
			continue;
		if (type == VIRTIO_PCI_CAP_COMMON && !vd->common)
			vd->common = p;
		else if (type == VIRTIO_PCI_CAP_ISR && !vd->isr)
			vd->isr = p;
		else if (type == VIRTIO_PCI_CAP_DEVICE && !vd->device)
			vd->device = p;
		else if (type == VIRTIO_PCI_CAP_NOTIFY && !vd->notify) {
			vd->notify = p;
			vd->notify_mult = ukpci_cfg_read32(pci, cap + VIRTIO_PCI_CAP_NOTIFY_MULT);
		}
	}
	if (!vd->common || !vd->isr || !vd->device || !vd->notify)
		return -ENODEV;
	vd->modern = 1;
	ukpci_enable(pci, UKPCI_CMD_MEM | UKPCI_CMD_MASTER);
	return 0;
}

int virtio_pci_init(struct virtio_dev *vd, struct ukpci_dev *pci)
{
	const struct ukpci_bar *bar = &pci->bar[0];

	vd->pci = pci;
	vd->mmio = NULL;
	vd->features = 0;
	if (bar->type == UKPCI_BAR_IO && bar->size >= VIRTIO_LEG_DEVICE_CFG) {
		vd->iobase = (uint16_t)bar->base;
		ukpci_enable(pci, UKPCI_CMD_IO | UKPCI_CMD_MASTER);
		return 0;
	}
	if (modern_init(vd, pci) == 0)
		return 0;
	uk_pr_warn("virtio %02x:%02x.%02x: neither a legacy I/O BAR 0 nor usable virtio 1.x "
	           "capabilities (memory BARs below 4 GiB)\n",
	           pci->bus, pci->dev, pci->fn);
	return -ENODEV;
}

/* The functions below serve both transports: MMIO devices (vd->mmio) go
 * to virtio_mmio.c, the rest is PCI. */
uint8_t virtio_status_get(struct virtio_dev *vd)
{
	if (vd->mmio)
		return virtio_mmio_status_get(vd);
	if (vd->modern)
		return rd8(vd->common, VIRTIO_COMMON_STATUS);
	return inb(vd->iobase + VIRTIO_LEG_STATUS);
}

static void status_write(struct virtio_dev *vd, uint8_t v)
{
	if (vd->mmio)
		virtio_mmio_status_write(vd, v);
	else if (vd->modern)
		wr8(vd->common, VIRTIO_COMMON_STATUS, v);
	else
		outb(vd->iobase + VIRTIO_LEG_STATUS, v);
}

void virtio_reset(struct virtio_dev *vd)
{
	status_write(vd, 0);
	/* the reset is complete once the register reads back 0 */
	while (virtio_status_get(vd))
		ukarch_pause();
}

void virtio_status_set(struct virtio_dev *vd, uint8_t bits)
{
	status_write(vd, virtio_status_get(vd) | bits);
}

static uint64_t modern_features_get(struct virtio_dev *vd)
{
	uint64_t f;

	if (vd->mmio)
		return virtio_mmio_features_get(vd);
	wr32(vd->common, VIRTIO_COMMON_DFSELECT, 1);
	f = (uint64_t)rd32(vd->common, VIRTIO_COMMON_DF) << 32;
	wr32(vd->common, VIRTIO_COMMON_DFSELECT, 0);
	return f | rd32(vd->common, VIRTIO_COMMON_DF);
}

static void modern_features_set(struct virtio_dev *vd, uint64_t f)
{
	if (vd->mmio) {
		virtio_mmio_features_set(vd, f);
		return;
	}
	wr32(vd->common, VIRTIO_COMMON_GFSELECT, 0);
	wr32(vd->common, VIRTIO_COMMON_GF, (uint32_t)f);
	wr32(vd->common, VIRTIO_COMMON_GFSELECT, 1);
	wr32(vd->common, VIRTIO_COMMON_GF, (uint32_t)(f >> 32));
}

int virtio_negotiate(struct virtio_dev *vd, uint64_t wanted)
{
	uint64_t offered;

	if (!vd->modern && vd->mmio) {
		/* legacy MMIO: the low 32 feature bits, no FEATURES_OK */
		offered = virtio_mmio_features_get(vd);
		vd->features = offered & wanted & 0xffffffffULL;
		virtio_mmio_features_set(vd, vd->features);
		return 0;
	}
	if (!vd->modern) {
		offered = inl(vd->iobase + VIRTIO_LEG_DEV_FEATURES);
		vd->features = offered & wanted & 0xffffffffULL;
		outl(vd->iobase + VIRTIO_LEG_DRV_FEATURES, (uint32_t)vd->features);
		return 0;
	}
	offered = modern_features_get(vd);
	/* without VERSION_1 a modern-only device cannot be driven */
	if (!(offered & (1ULL << VIRTIO_F_VERSION_1)))
		return -ENODEV;
	vd->features = offered & (wanted | (1ULL << VIRTIO_F_VERSION_1));
	modern_features_set(vd, vd->features);
	virtio_status_set(vd, VIRTIO_STATUS_FEATURES_OK);
	if (!(virtio_status_get(vd) & VIRTIO_STATUS_FEATURES_OK))
		return -ENODEV;
	return 0;
}

void virtio_cfg_read(struct virtio_dev *vd, unsigned int off, void *buf, unsigned int len)
{
	uint8_t *p = buf;
	unsigned int i;

	for (i = 0; i < len; i++)
		p[i] = vd->mmio     ? virtio_mmio_cfg_read8(vd, off + i)
		       : vd->modern ? rd8(vd->device, off + i)
		                    : inb((uint16_t)(vd->iobase + VIRTIO_LEG_DEVICE_CFG + off + i));
}

uint16_t virtio_queue_size(struct virtio_dev *vd, uint16_t index)
{
	if (vd->mmio)
		return virtio_mmio_queue_size(vd, index);
	if (vd->modern) {
		wr16(vd->common, VIRTIO_COMMON_Q_SELECT, index);
		return rd16(vd->common, VIRTIO_COMMON_Q_SIZE);
	}
	outw(vd->iobase + VIRTIO_LEG_QUEUE_SEL, index);
	return inw(vd->iobase + VIRTIO_LEG_QUEUE_SIZE);
}

static int modern_queue_activate(struct virtio_dev *vd, struct virtq *vq)
{
	uint16_t noff;

	wr16(vd->common, VIRTIO_COMMON_Q_SELECT, vq->index);
	wr16(vd->common, VIRTIO_COMMON_Q_SIZE, vq->size);
	wr64(vd->common, VIRTIO_COMMON_Q_DESCLO, (uintptr_t)vq->desc);
	wr64(vd->common, VIRTIO_COMMON_Q_AVAILLO, (uintptr_t)vq->avail);
	wr64(vd->common, VIRTIO_COMMON_Q_USEDLO, (uintptr_t)vq->used);
	noff = rd16(vd->common, VIRTIO_COMMON_Q_NOFF);
	vq->notify = (volatile uint16_t *)(vd->notify + (size_t)noff * vd->notify_mult);
	wr16(vd->common, VIRTIO_COMMON_Q_ENABLE, 1);
	return 0;
}

int virtio_queue_activate(struct virtio_dev *vd, struct virtq *vq)
{
	uintptr_t pa = (uintptr_t)vq->ring_mem; /* identity mapped */

	if (vd->mmio)
		return virtio_mmio_queue_activate(vd, vq);
	if (vd->modern)
		return modern_queue_activate(vd, vq);
	if (pa % VIRTIO_LEG_RING_ALIGN || (pa >> 12) > 0xffffffffULL)
		return -EINVAL;
	outw(vd->iobase + VIRTIO_LEG_QUEUE_SEL, vq->index);
	outl(vd->iobase + VIRTIO_LEG_QUEUE_PFN, (uint32_t)(pa >> 12));
	return 0;
}

void virtio_queue_notify(struct virtq *vq)
{
	if (vq->vdev->mmio)
		virtio_mmio_queue_notify(vq);
	else if (vq->vdev->modern)
		*vq->notify = vq->index;
	else
		outw(vq->vdev->iobase + VIRTIO_LEG_QUEUE_NOTIFY, vq->index);
}
