/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PCI (contracts.md section 10): configuration space through mechanism #1
 * (I/O ports 0xcf8/0xcfc), a scan of every bus reachable from bus 0 at the
 * plat init level (priority 2), decoded BARs and the INTx line, and drivers
 * matched by vendor/device/class.
 *
 * A driver registers before the scan (plat level, priority 0 or 1) or at
 * any time later: either way each device that no driver has claimed yet is
 * offered to it once.
 */
#ifndef UK_PCI_H
#define UK_PCI_H

#include <stdint.h>

#define UKPCI_MAX_DEVICES 64
#define UKPCI_NBARS       6
#define UKPCI_ANY_ID      0xffff /* in a match entry: any vendor or device */
#define UKPCI_ANY_CLASS   0xffff /* in a match entry: any class */

/* configuration space offsets */
#define UKPCI_CFG_VENDOR   0x00
#define UKPCI_CFG_DEVICE   0x02
#define UKPCI_CFG_COMMAND  0x04
#define UKPCI_CFG_STATUS   0x06
#define UKPCI_CFG_REVISION 0x08
#define UKPCI_CFG_PROGIF   0x09
#define UKPCI_CFG_SUBCLASS 0x0a
#define UKPCI_CFG_CLASS    0x0b
#define UKPCI_CFG_HEADER   0x0e
#define UKPCI_CFG_BAR0     0x10
#define UKPCI_CFG_SECBUS   0x19 /* PCI-to-PCI bridges (header type 1) */
#define UKPCI_CFG_SUBSYS_V 0x2c
#define UKPCI_CFG_SUBSYS_D 0x2e
#define UKPCI_CFG_CAPS     0x34
#define UKPCI_CFG_IRQ_LINE 0x3c
#define UKPCI_CFG_IRQ_PIN  0x3d

/* command register bits */
#define UKPCI_CMD_IO       0x0001
#define UKPCI_CMD_MEM      0x0002
#define UKPCI_CMD_MASTER   0x0004
#define UKPCI_CMD_INTX_OFF 0x0400

#define UKPCI_STATUS_CAPS 0x0010 /* the capability list exists */

enum ukpci_bar_type {
	UKPCI_BAR_NONE = 0, /* unimplemented, or the upper half of a 64-bit BAR */
	UKPCI_BAR_IO,
	UKPCI_BAR_MEM32,
	UKPCI_BAR_MEM64,
};

struct ukpci_bar {
	uint64_t base; /* port number (I/O) or physical address */
	uint64_t size; /* bytes; 0 when unimplemented */
	enum ukpci_bar_type type;
	int prefetchable;
};

struct ukpci_dev {
	uint8_t bus, dev, fn;
	uint16_t vendor, device;
	uint16_t subsys_vendor, subsys_device;
	uint8_t class, subclass, progif, revision;
	uint8_t header_type; /* without the multi-function bit */
	uint8_t irq_line;    /* INTx as routed by the firmware; 0xff: none */
	uint8_t irq_pin;     /* 1..4 = INTA..INTD, 0: no INTx */
	struct ukpci_bar bar[UKPCI_NBARS];
	const struct ukpci_driver *driver; /* set once a probe succeeded */
	void *priv;                        /* the driver's */
};

/* vendor/device may be UKPCI_ANY_ID, class (class << 8 | subclass) UKPCI_ANY_CLASS;
 * a table ends with an entry whose vendor and device are both 0 */
struct ukpci_match {
	uint16_t vendor, device;
	uint16_t class;
};

struct ukpci_driver {
	const char *name;
	const struct ukpci_match *ids;
	/* 0: the device is the driver's; -ENODEV: not mine after all; other
	 * negative errno: a failure (logged, the device stays unclaimed) */
	int (*probe)(struct ukpci_dev *dev);
	struct ukpci_driver *next; /* owned by ukpci */
};

/* 0 or -EINVAL (no name/ids/probe, or registered already) */
int ukpci_driver_register(struct ukpci_driver *drv);

/* the devices found by the scan, in bus order */
unsigned int ukpci_count(void);
struct ukpci_dev *ukpci_get(unsigned int i); /* NULL past the end */

/* configuration space of a device; off is aligned to the access width */
uint32_t ukpci_cfg_read32(const struct ukpci_dev *d, unsigned int off);
uint16_t ukpci_cfg_read16(const struct ukpci_dev *d, unsigned int off);
uint8_t ukpci_cfg_read8(const struct ukpci_dev *d, unsigned int off);
void ukpci_cfg_write32(const struct ukpci_dev *d, unsigned int off, uint32_t v);
void ukpci_cfg_write16(const struct ukpci_dev *d, unsigned int off, uint16_t v);
void ukpci_cfg_write8(const struct ukpci_dev *d, unsigned int off, uint8_t v);

/* sets bits of the command register (UKPCI_CMD_IO | UKPCI_CMD_MASTER ...) */
void ukpci_enable(const struct ukpci_dev *d, uint16_t cmd_bits);

/* offset of the first capability with this id at or after the one at
 * `after` (0: from the start of the list); 0 if none */
unsigned int ukpci_find_cap(const struct ukpci_dev *d, uint8_t cap_id, unsigned int after);

/* whether a match entry accepts the device (exported for tests) */
int ukpci_match_one(const struct ukpci_match *m, const struct ukpci_dev *d);

#endif /* UK_PCI_H */
