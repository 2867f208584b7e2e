/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libvirtio internals: the PCI and MMIO transports (PCI legacy: registers in
 * I/O BAR 0) and split virtqueues, as the virtio specification (1.x,
 * sections 2.7 "Split Virtqueues" and 4.1.4.8 "Legacy Interfaces: A Note
 * on PCI Device Layout") describes them.
 */
#ifndef VIRTIO_PRIV_H
#define VIRTIO_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <uk/pci.h>

#define VIRTIO_PCI_VENDOR 0x1af4

/* device status bits */
#define VIRTIO_STATUS_ACK         0x01
#define VIRTIO_STATUS_DRIVER      0x02
#define VIRTIO_STATUS_DRIVER_OK   0x04
#define VIRTIO_STATUS_FEATURES_OK 0x08
#define VIRTIO_STATUS_FAILED      0x80

/* ISR status bits (reading the register acknowledges the interrupt) */
#define VIRTIO_ISR_QUEUE  0x1
#define VIRTIO_ISR_CONFIG 0x2

/* transport-independent feature bits */
#define VIRTIO_F_NOTIFY_ON_EMPTY 24
#define VIRTIO_F_ANY_LAYOUT      27
#define VIRTIO_F_VERSION_1       32

/* legacy register block in I/O BAR 0 */
#define VIRTIO_LEG_DEV_FEATURES 0x00 /* 32, ro */
#define VIRTIO_LEG_DRV_FEATURES 0x04 /* 32, rw */
#define VIRTIO_LEG_QUEUE_PFN    0x08 /* 32, rw: ring address >> 12 */
#define VIRTIO_LEG_QUEUE_SIZE   0x0c /* 16, ro */
#define VIRTIO_LEG_QUEUE_SEL    0x0e /* 16, rw */
#define VIRTIO_LEG_QUEUE_NOTIFY 0x10 /* 16, rw */
#define VIRTIO_LEG_STATUS       0x12 /* 8, rw */
#define VIRTIO_LEG_ISR          0x13 /* 8, ro, read clears */
#define VIRTIO_LEG_DEVICE_CFG   0x14 /* device config while MSI-X is off */
#define VIRTIO_LEG_RING_ALIGN   4096

/* split ring layout */
#define VRING_DESC_F_NEXT          1
#define VRING_DESC_F_WRITE         2
#define VRING_AVAIL_F_NO_INTERRUPT 1
#define VRING_USED_F_NO_NOTIFY     1

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct vring_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[]; /* then used_event */
};

struct vring_used_elem {
	uint32_t id;
	uint32_t len;
};

struct vring_used {
	uint16_t flags;
	uint16_t idx;
	struct vring_used_elem ring[]; /* then avail_event */
};

/* virtio 1.x PCI capabilities (vendor capability 0x09), spec 4.1.4 */
#define VIRTIO_PCI_CAP_VENDOR 0x09
#define VIRTIO_PCI_CAP_COMMON 1
#define VIRTIO_PCI_CAP_NOTIFY 2
#define VIRTIO_PCI_CAP_ISR    3
#define VIRTIO_PCI_CAP_DEVICE 4
/* offsets inside a capability */
#define VIRTIO_PCI_CAP_TYPE        3
#define VIRTIO_PCI_CAP_BAR         4
#define VIRTIO_PCI_CAP_OFFSET      8
#define VIRTIO_PCI_CAP_LENGTH      12
#define VIRTIO_PCI_CAP_NOTIFY_MULT 16

/* common configuration structure, spec 4.1.4.3 */
#define VIRTIO_COMMON_DFSELECT  0x00
#define VIRTIO_COMMON_DF        0x04
#define VIRTIO_COMMON_GFSELECT  0x08
#define VIRTIO_COMMON_GF        0x0c
#define VIRTIO_COMMON_NUMQ      0x12
#define VIRTIO_COMMON_STATUS    0x14
#define VIRTIO_COMMON_Q_SELECT  0x16
#define VIRTIO_COMMON_Q_SIZE    0x18
#define VIRTIO_COMMON_Q_ENABLE  0x1c
#define VIRTIO_COMMON_Q_NOFF    0x1e
#define VIRTIO_COMMON_Q_DESCLO  0x20
#define VIRTIO_COMMON_Q_DESCHI  0x24
#define VIRTIO_COMMON_Q_AVAILLO 0x28
#define VIRTIO_COMMON_Q_AVAILHI 0x2c
#define VIRTIO_COMMON_Q_USEDLO  0x30
#define VIRTIO_COMMON_Q_USEDHI  0x34

/* virtio-mmio registers, spec 4.2.2 (version 2) and 4.2.4 (legacy, 1) */
#define VIRTIO_MMIO_MAGIC            0x000
#define VIRTIO_MMIO_MAGIC_VALUE      0x74726976 /* "virt" */
#define VIRTIO_MMIO_VERSION          0x004
#define VIRTIO_MMIO_DEVICE_ID        0x008
#define VIRTIO_MMIO_DEV_FEATURES     0x010
#define VIRTIO_MMIO_DEV_FEATURES_SEL 0x014
#define VIRTIO_MMIO_DRV_FEATURES     0x020
#define VIRTIO_MMIO_DRV_FEATURES_SEL 0x024
#define VIRTIO_MMIO_GUEST_PAGE_SIZE  0x028 /* legacy */
#define VIRTIO_MMIO_QUEUE_SEL        0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX    0x034
#define VIRTIO_MMIO_QUEUE_NUM        0x038
#define VIRTIO_MMIO_QUEUE_ALIGN      0x03c /* legacy */
#define VIRTIO_MMIO_QUEUE_PFN        0x040 /* legacy */
#define VIRTIO_MMIO_QUEUE_READY      0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY     0x050
#define VIRTIO_MMIO_INT_STATUS       0x060
#define VIRTIO_MMIO_INT_ACK          0x064
#define VIRTIO_MMIO_STATUS           0x070
#define VIRTIO_MMIO_QUEUE_DESC       0x080
#define VIRTIO_MMIO_QUEUE_AVAIL      0x090
#define VIRTIO_MMIO_QUEUE_USED       0x0a0
#define VIRTIO_MMIO_CONFIG           0x100
#define VIRTIO_MMIO_DEV_NET          1

/* one virtio device behind the PCI or the MMIO transport */
struct virtio_dev {
	struct ukpci_dev *pci;  /* PCI transport, else NULL */
	volatile uint8_t *mmio; /* MMIO transport: its register window */
	int modern;             /* virtio 1.x interface (PCI capabilities, MMIO version 2) */
	uint16_t iobase;        /* legacy: register block in I/O BAR 0 */
	/* modern: the structures the capabilities point at (identity mapped) */
	volatile uint8_t *common, *isr, *device, *notify;
	uint32_t notify_mult;
	uint64_t features; /* negotiated */
};

/*
 * A split virtqueue whose descriptors each own one fixed buffer of
 * buf_size bytes (descriptor i: buffers + i * buf_size), so a request is
 * always one descriptor and nothing is allocated after setup.
 */
struct virtq {
	struct virtio_dev *vdev;
	uint16_t index;
	uint16_t size;      /* ring entries (the device's queue size) */
	uint16_t ndesc;     /* descriptors in use: <= size */
	uint16_t avail_idx; /* our copy of avail->idx */
	uint16_t last_used; /* next used->ring entry to consume */
	uint16_t nfree;     /* descriptors not handed to the device */
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	uint8_t *buffers;
	uint32_t buf_size;
	uint16_t *free;            /* stack of free descriptor ids */
	volatile uint16_t *notify; /* modern: this queue's doorbell */
	void *ring_mem;
	unsigned long ring_pages, buf_pages;
};

/* transport: the legacy interface when the device has one, else modern */
int virtio_pci_init(struct virtio_dev *vd, struct ukpci_dev *pci);
void virtio_reset(struct virtio_dev *vd);
void virtio_status_set(struct virtio_dev *vd, uint8_t bits);
uint8_t virtio_status_get(struct virtio_dev *vd);
/* accepts the device's features that are in `wanted` (plus VERSION_1 on
 * the modern interface) into vd->features: 0, or -ENODEV if the device
 * refuses them */
int virtio_negotiate(struct virtio_dev *vd, uint64_t wanted);
void virtio_cfg_read(struct virtio_dev *vd, unsigned int off, void *buf, unsigned int len);
uint16_t virtio_queue_size(struct virtio_dev *vd, uint16_t index);
int virtio_queue_activate(struct virtio_dev *vd, struct virtq *vq);
void virtio_queue_notify(struct virtq *vq);
/* the MMIO transport (virtio_mmio.c): what the functions above use for it */
int virtio_mmio_init(struct virtio_dev *vd, uintptr_t base); /* -ENODEV: no device */
uint32_t virtio_mmio_device_id(const struct virtio_dev *vd);
uint8_t virtio_mmio_status_get(struct virtio_dev *vd);
void virtio_mmio_status_write(struct virtio_dev *vd, uint8_t v);
uint64_t virtio_mmio_features_get(struct virtio_dev *vd);
void virtio_mmio_features_set(struct virtio_dev *vd, uint64_t f);
uint8_t virtio_mmio_cfg_read8(struct virtio_dev *vd, unsigned int off);
uint16_t virtio_mmio_queue_size(struct virtio_dev *vd, uint16_t index);
int virtio_mmio_queue_activate(struct virtio_dev *vd, struct virtq *vq);
void virtio_mmio_queue_notify(struct virtq *vq);

/* reads and clears the ISR status (interrupt context: no SSE); on MMIO
 * the acknowledgement lowers the line */
static inline uint8_t virtio_isr_ack(struct virtio_dev *vd)
{
	if (vd->mmio) {
		uint32_t st = *(volatile uint32_t *)(vd->mmio + VIRTIO_MMIO_INT_STATUS);

		*(volatile uint32_t *)(vd->mmio + VIRTIO_MMIO_INT_ACK) = st;
		return (uint8_t)st;
	}
	if (vd->modern)
		return *vd->isr;
	return inb((uint16_t)(vd->iobase + VIRTIO_LEG_ISR));
}

/* virtqueues: ndesc buffers of buf_size bytes (a power of two <= 4096) */
int virtq_create(struct virtq *vq, struct virtio_dev *vd, uint16_t index, uint16_t ndesc,
                 uint32_t buf_size);
void virtq_destroy(struct virtq *vq);
static inline void *virtq_buf(struct virtq *vq, uint16_t id)
{
	return vq->buffers + (size_t)id * vq->buf_size;
}
/* hands descriptor id (len bytes, device-writable if `write`) to the device */
void virtq_post(struct virtq *vq, uint16_t id, uint32_t len, int write);
/* makes posted descriptors visible and notifies the device unless it opted out */
void virtq_kick(struct virtq *vq);
/* the next completed descriptor: 1 and *id, *len; 0 if none */
int virtq_take_used(struct virtq *vq, uint16_t *id, uint32_t *len);
int virtq_has_used(const struct virtq *vq);
/* free descriptor stack (descriptors the driver holds) */
int virtq_alloc_desc(struct virtq *vq, uint16_t *id);
void virtq_free_desc(struct virtq *vq, uint16_t id);

#endif /* VIRTIO_PRIV_H */
