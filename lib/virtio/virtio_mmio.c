/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtio-mmio transport (virtio 1.x spec 4.2): one register window per
 * device. Version 2 is the 1.x interface (queue addresses in three 64-bit
 * registers, QueueReady); version 1 is the legacy one (guest page size,
 * queue page frame number), what QEMU 7.2 gives by default
 * (virtio-mmio.force-legacy=true). Both are driven.
 */
#include <errno.h>
#include <uk/arch/lcpu.h>
#include "virtio.h"

static uint32_t rd32(const struct virtio_dev *vd, unsigned int off)
{
	return *(volatile uint32_t *)(vd->mmio + off);
}

static void wr32(const struct virtio_dev *vd, unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(vd->mmio + off) = v;
}

int virtio_mmio_init(struct virtio_dev *vd, uintptr_t base)
{
	volatile uint8_t *p = (volatile uint8_t *)base;
	uint32_t version;

	if (*(volatile uint32_t *)(p + VIRTIO_MMIO_MAGIC) != VIRTIO_MMIO_MAGIC_VALUE)
		return -ENODEV;
	version = *(volatile uint32_t *)(p + VIRTIO_MMIO_VERSION);
	if (version != 1 && version != 2)
		return -ENODEV;
	vd->pci = NULL;
	vd->mmio = p;
	vd->modern = version == 2;
	vd->features = 0;
	return 0;
}

uint32_t virtio_mmio_device_id(const struct virtio_dev *vd)
{
	return rd32(vd, VIRTIO_MMIO_DEVICE_ID);
}

uint8_t virtio_mmio_status_get(struct virtio_dev *vd)
{
	return (uint8_t)rd32(vd, VIRTIO_MMIO_STATUS);
}

void virtio_mmio_status_write(struct virtio_dev *vd, uint8_t v)
{
	wr32(vd, VIRTIO_MMIO_STATUS, v);
}

uint64_t virtio_mmio_features_get(struct virtio_dev *vd)
{
	uint64_t f;

	wr32(vd, VIRTIO_MMIO_DEV_FEATURES_SEL, 1);
	f = (uint64_t)rd32(vd, VIRTIO_MMIO_DEV_FEATURES) << 32;
	wr32(vd, VIRTIO_MMIO_DEV_FEATURES_SEL, 0);
	return f | rd32(vd, VIRTIO_MMIO_DEV_FEATURES);
}

void virtio_mmio_features_set(struct virtio_dev *vd, uint64_t f)
{
	wr32(vd, VIRTIO_MMIO_DRV_FEATURES_SEL, 0);
	wr32(vd, VIRTIO_MMIO_DRV_FEATURES, (uint32_t)f);
	wr32(vd, VIRTIO_MMIO_DRV_FEATURES_SEL, 1);
	wr32(vd, VIRTIO_MMIO_DRV_FEATURES, (uint32_t)(f >> 32));
}

uint8_t virtio_mmio_cfg_read8(struct virtio_dev *vd, unsigned int off)
{
	return vd->mmio[VIRTIO_MMIO_CONFIG + off];
}

uint16_t virtio_mmio_queue_size(struct virtio_dev *vd, uint16_t index)
{
	wr32(vd, VIRTIO_MMIO_QUEUE_SEL, index);
	/* a queue already in use (version 2) is not offered again */
	if (vd->modern && rd32(vd, VIRTIO_MMIO_QUEUE_READY))
		return 0;
	return (uint16_t)rd32(vd, VIRTIO_MMIO_QUEUE_NUM_MAX);
}

static void wr64(const struct virtio_dev *vd, unsigned int off, uint64_t v)
{
	wr32(vd, off, (uint32_t)v);
	wr32(vd, off + 4, (uint32_t)(v >> 32));
}

int virtio_mmio_queue_activate(struct virtio_dev *vd, struct virtq *vq)
{
	uintptr_t pa = (uintptr_t)vq->ring_mem; /* identity mapped */

	wr32(vd, VIRTIO_MMIO_QUEUE_SEL, vq->index);
	wr32(vd, VIRTIO_MMIO_QUEUE_NUM, vq->size);
	if (vd->modern) {
		wr64(vd, VIRTIO_MMIO_QUEUE_DESC, (uintptr_t)vq->desc);
		wr64(vd, VIRTIO_MMIO_QUEUE_AVAIL, (uintptr_t)vq->avail);
		wr64(vd, VIRTIO_MMIO_QUEUE_USED, (uintptr_t)vq->used);
		wr32(vd, VIRTIO_MMIO_QUEUE_READY, 1);
		return 0;
	}
	/* legacy: the ring layout with the used ring on the next 4 KiB */
	if (pa % VIRTIO_LEG_RING_ALIGN || (pa >> 12) > 0xffffffffULL)
		return -EINVAL;
	wr32(vd, VIRTIO_MMIO_GUEST_PAGE_SIZE, VIRTIO_LEG_RING_ALIGN);
	wr32(vd, VIRTIO_MMIO_QUEUE_ALIGN, VIRTIO_LEG_RING_ALIGN);
	wr32(vd, VIRTIO_MMIO_QUEUE_PFN, (uint32_t)(pa >> 12));
	return 0;
}

void virtio_mmio_queue_notify(struct virtq *vq)
{
	wr32(vq->vdev, VIRTIO_MMIO_QUEUE_NOTIFY, vq->index);
}
