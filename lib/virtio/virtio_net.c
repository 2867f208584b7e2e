/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-net over the PCI or MMIO transport: one netdev per device, queue 0
 * receives, queue 1 transmits. Every frame travels behind a virtio-net
 * header (all zero on transmit: no checksum or segmentation offload is
 * negotiated), copied to and from per-descriptor buffers.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/init.h>
#include <uk/pci.h>
#include <uk/plat/irq.h>
#include <uk/print.h>
#include "virtio_net.h"

/* feature bits (virtio spec 5.1.3) */
#define VIRTIO_NET_F_MAC       5
#define VIRTIO_NET_F_MRG_RXBUF 15
#define VIRTIO_NET_F_STATUS    16

/* device configuration layout */
#define VIRTIO_NET_CFG_MAC    0
#define VIRTIO_NET_CFG_STATUS 6
#define VIRTIO_NET_S_LINK_UP  1

#define RXQ 0
#define TXQ 1
/* header size without MRG_RXBUF on the legacy interface (no num_buffers) */
#define HDR_LEN_LEGACY 10
#define HDR_LEN_MODERN 12
#define BUF_SIZE       2048
#define MTU            1500
#define FRAME_MAX      (14 + 4 + MTU) /* Ethernet header with a VLAN tag */

#define BIT(n) (1ULL << (n))

static unsigned int vnet_count; /* numbers the devices in log lines */

static struct virtio_net *to_vn(struct uk_netdev *nd)
{
	return nd->priv;
}

static void rx_post_all(struct virtio_net *vn)
{
	uint16_t id;

	while (virtq_alloc_desc(&vn->rxq, &id))
		virtq_post(&vn->rxq, id, BUF_SIZE, 1);
}

static int queues_create(struct virtio_net *vn)
{
	int rc;

	rc = virtq_create(&vn->rxq, &vn->vd, RXQ, CONFIG_LIBVIRTIO_NET_RXBUFS, BUF_SIZE);
	if (rc) {
		uk_pr_err("netdev%u: receive queue: %d\n", vn->nd.id, rc);
		return rc;
	}
	uk_pr_info("netdev%u: Configured receive queue 0 (%u buffers, ring of %u)\n", vn->nd.id,
	           vn->rxq.ndesc, vn->rxq.size);
	rc = virtq_create(&vn->txq, &vn->vd, TXQ, CONFIG_LIBVIRTIO_NET_TXBUFS, BUF_SIZE);
	if (rc) {
		uk_pr_err("netdev%u: transmit queue: %d\n", vn->nd.id, rc);
		virtio_reset(&vn->vd); /* forgets the receive ring first */
		virtq_destroy(&vn->rxq);
		return rc;
	}
	/* completed transmissions are reclaimed on the next send: no
	 * interrupt needed for them */
	vn->txq.avail->flags = VRING_AVAIL_F_NO_INTERRUPT;
	uk_pr_info("netdev%u: Configured transmit queue 0 (%u buffers, ring of %u)\n", vn->nd.id,
	           vn->txq.ndesc, vn->txq.size);
	return 0;
}

/* a failed start leaves the device reset and marked FAILED (not retried) */
static int vnet_start(struct uk_netdev *nd)
{
	struct virtio_net *vn = to_vn(nd);
	int rc;

	rc = queues_create(vn);
	if (rc)
		goto fail;
	rx_post_all(vn);
	rc = ukplat_irq_register(vn->irq, virtio_net_irq, vn);
	if (rc) {
		uk_pr_err("netdev%u: IRQ %u: %d\n", nd->id, vn->irq, rc);
		goto fail_queues;
	}
	virtio_status_set(&vn->vd, VIRTIO_STATUS_DRIVER_OK);
	virtq_kick(&vn->rxq);
	uk_pr_info("virtio-net: %u started\n", vn->index);
	return 0;
fail_queues:
	/* the device must forget the rings before their memory goes back */
	virtio_reset(&vn->vd);
	virtq_destroy(&vn->rxq);
	virtq_destroy(&vn->txq);
fail:
	virtio_reset(&vn->vd);
	virtio_status_set(&vn->vd, VIRTIO_STATUS_FAILED);
	return rc;
}

static void tx_reclaim(struct virtio_net *vn)
{
	uint16_t id;
	uint32_t len;

	while (virtq_take_used(&vn->txq, &id, &len))
		virtq_free_desc(&vn->txq, id);
}

static int vnet_tx(struct uk_netdev *nd, const struct uk_netdev_seg *seg, unsigned int nseg)
{
	struct virtio_net *vn = to_vn(nd);
	size_t len = 0, off;
	unsigned int i;
	uint8_t *buf;
	uint16_t id;

	for (i = 0; i < nseg; i++)
		len += seg[i].len;
	if (len > FRAME_MAX)
		return -EMSGSIZE;
	tx_reclaim(vn);
	if (!virtq_alloc_desc(&vn->txq, &id))
		return -EAGAIN;
	buf = virtq_buf(&vn->txq, id);
	memset(buf, 0, vn->hdr_len);
	off = vn->hdr_len;
	for (i = 0; i < nseg; i++) {
		memcpy(buf + off, seg[i].base, seg[i].len);
		off += seg[i].len;
	}
	virtq_post(&vn->txq, id, (uint32_t)off, 0);
	virtq_kick(&vn->txq);
	return 0;
}

static int vnet_rx(struct uk_netdev *nd, void *buf, size_t cap)
{
	struct virtio_net *vn = to_vn(nd);
	uint32_t len;
	uint16_t id;
	int rc;

	if (!virtq_take_used(&vn->rxq, &id, &len))
		return 0;
	if (len < vn->hdr_len || len > BUF_SIZE || len - vn->hdr_len > cap) {
		rc = -EMSGSIZE; /* malformed ones are dropped like oversized ones */
	} else {
		rc = (int)(len - vn->hdr_len);
		memcpy(buf, (uint8_t *)virtq_buf(&vn->rxq, id) + vn->hdr_len, (size_t)rc);
	}
	virtq_post(&vn->rxq, id, BUF_SIZE, 1);
	/* a burst is handed back (and the device notified) once, when the
	 * caller has taken its last frame: rx_pending() keeps it coming */
	if (!virtq_has_used(&vn->rxq))
		virtq_kick(&vn->rxq);
	return rc;
}

static int vnet_rx_pending(struct uk_netdev *nd)
{
	struct virtio_net *vn = to_vn(nd);

	return vn->rxq.used && virtq_has_used(&vn->rxq);
}

static const struct uk_netdev_ops vnet_ops = {
    .start = vnet_start,
    .tx = vnet_tx,
    .rx = vnet_rx,
    .rx_pending = vnet_rx_pending,
};

static void read_mac(struct virtio_net *vn)
{
	if (vn->vd.features & BIT(VIRTIO_NET_F_MAC)) {
		virtio_cfg_read(&vn->vd, VIRTIO_NET_CFG_MAC, vn->nd.hwaddr, UK_NETDEV_HWADDR_LEN);
		return;
	}
	/* locally administered, unicast, distinct per device */
	memcpy(vn->nd.hwaddr, (const uint8_t[]){0x02, 0x00, 0x00, 0x00, 0x00, 0x00}, 6);
	vn->nd.hwaddr[5] = (uint8_t)(vn->index + 1);
}

static int link_up(struct virtio_net *vn)
{
	uint16_t st;

	if (!(vn->vd.features & BIT(VIRTIO_NET_F_STATUS)))
		return 1;
	virtio_cfg_read(&vn->vd, VIRTIO_NET_CFG_STATUS, &st, sizeof(st));
	return st & VIRTIO_NET_S_LINK_UP;
}

/* reset, acknowledge, features: up to DRIVER_OK, which start() sets; the
 * transport is set up */
static int vnet_init_device(struct virtio_net *vn)
{
	int rc;

	virtio_reset(&vn->vd);
	virtio_status_set(&vn->vd, VIRTIO_STATUS_ACK);
	virtio_status_set(&vn->vd, VIRTIO_STATUS_DRIVER);
	/* MRG_RXBUF stays off: every frame fits one 2 KiB buffer. ANY_LAYOUT
	 * (implied by VERSION_1) lets the header share the frame's descriptor. */
	rc = virtio_negotiate(&vn->vd, BIT(VIRTIO_NET_F_MAC) | BIT(VIRTIO_NET_F_STATUS) |
	                                   BIT(VIRTIO_F_ANY_LAYOUT));
	if (rc) {
		uk_pr_err("virtio-net: %u: feature negotiation failed\n", vn->index);
		virtio_status_set(&vn->vd, VIRTIO_STATUS_FAILED);
		return rc;
	}
	if (!vn->vd.modern && !(vn->vd.features & BIT(VIRTIO_F_ANY_LAYOUT)))
		uk_pr_warn("virtio-net: %u: device lacks ANY_LAYOUT; header and frame still share "
		           "one descriptor\n",
		           vn->index);
	/* the header has num_buffers too on the 1.x interface */
	vn->hdr_len = vn->vd.modern ? HDR_LEN_MODERN : HDR_LEN_LEGACY;
	return 0;
}

/* the transport-independent part of a probe: vn's transport and irq are
 * set; 0, or an error with the device reset and vn to be freed */
static int vnet_attach(struct virtio_net *vn)
{
	const uint8_t *m;
	int rc;

	vn->index = vnet_count;
	rc = vnet_init_device(vn);
	if (rc)
		return rc;
	read_mac(vn);
	vn->nd.ops = &vnet_ops;
	vn->nd.driver = "virtio-net";
	vn->nd.mtu = MTU;
	vn->nd.priv = vn;
	rc = uk_netdev_register(&vn->nd);
	if (rc) {
		virtio_reset(&vn->vd);
		return rc;
	}
	vnet_count++;
	m = vn->nd.hwaddr;
	uk_pr_info("virtio-net: %u: netdev%u, %s interface, IRQ %u, "
	           "%02x:%02x:%02x:%02x:%02x:%02x, link %s\n",
	           vn->index, vn->nd.id, vn->vd.modern ? "virtio 1.x" : "legacy", vn->irq, m[0],
	           m[1], m[2], m[3], m[4], m[5], link_up(vn) ? "up" : "down");
	return 0;
}

static int vnet_probe(struct ukpci_dev *pci)
{
	struct virtio_net *vn;
	int rc;

	if (pci->irq_pin == 0 || pci->irq_line == 0 || pci->irq_line == 0xff) {
		uk_pr_err("virtio-net %02x:%02x.%02x: no INTx line assigned\n", pci->bus, pci->dev,
		          pci->fn);
		return -ENXIO;
	}
	vn = uk_calloc(uk_alloc_get_default(), 1, sizeof(*vn));
	if (!vn)
		return -ENOMEM;
	vn->irq = pci->irq_line;
	rc = virtio_pci_init(&vn->vd, pci);
	if (!rc)
		rc = vnet_attach(vn);
	if (rc) {
		uk_free(uk_alloc_get_default(), vn);
		return rc;
	}
	pci->priv = vn;
	return 0;
}

static const struct ukpci_match vnet_ids[] = {
    {VIRTIO_PCI_VENDOR, 0x1000, UKPCI_ANY_CLASS}, /* transitional network device */
    {VIRTIO_PCI_VENDOR, 0x1041, UKPCI_ANY_CLASS}, /* virtio 1.x only (disable-legacy=on) */
    {0, 0, 0},
};

static struct ukpci_driver vnet_driver = {
    .name = "virtio-net",
    .ids = vnet_ids,
    .probe = vnet_probe,
};

static int vnet_register(void)
{
	return ukpci_driver_register(&vnet_driver);
}

/* before the PCI scan (plat priority 2) */
uk_initcall_prio(vnet_register, plat, 1);

/*
 * virtio-mmio: QEMU's microvm has no PCI bus but fixed transport slots of
 * 512 bytes from 0xfeb00000; slot n interrupts on GSI 24 + n of its second
 * I/O APIC (ioapic2=on, the default), level triggered, active high. An
 * empty slot reads device id 0. The slots are probed only when the PCI
 * scan found nothing: on pc that range can hold PCI BARs.
 */
#define MMIO_SLOT_BASE 0xfeb00000UL
#define MMIO_SLOT_SIZE 512
#define MMIO_SLOTS     24
#define MMIO_GSI_BASE  24

static int vnet_mmio_probe(unsigned int slot)
{
	struct virtio_net *vn;
	struct virtio_dev vd;
	int rc;

	if (virtio_mmio_init(&vd, MMIO_SLOT_BASE + slot * MMIO_SLOT_SIZE) ||
	    virtio_mmio_device_id(&vd) != VIRTIO_MMIO_DEV_NET)
		return 0;
	vn = uk_calloc(uk_alloc_get_default(), 1, sizeof(*vn));
	if (!vn)
		return -ENOMEM;
	vn->vd = vd;
	vn->irq = MMIO_GSI_BASE + slot;
	uk_pr_info("virtio-mmio %u at 0x%lx (version %u): virtio-net\n", slot,
	           MMIO_SLOT_BASE + slot * MMIO_SLOT_SIZE, vd.modern ? 2 : 1);
	rc = ukplat_irq_set_mode(vn->irq, 1, 0);
	if (!rc)
		rc = vnet_attach(vn);
	if (rc) {
		uk_pr_err("virtio-mmio %u: %d\n", slot, rc);
		uk_free(uk_alloc_get_default(), vn);
	}
	return rc;
}

static int vnet_mmio_scan(void)
{
	unsigned int slot;

	if (ukpci_count())
		return 0;
	for (slot = 0; slot < MMIO_SLOTS; slot++)
		vnet_mmio_probe(slot);
	return 0;
}

/* after the PCI scan */
uk_initcall_prio(vnet_mmio_scan, plat, 3);
