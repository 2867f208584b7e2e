/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PCI bus scan and driver matching over configuration mechanism #1: a
 * 32-bit address written to port 0xcf8 selects bus/device/function/
 * register, the data moves through ports 0xcfc..0xcff.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/arch/lcpu.h>
#include <uk/init.h>
#include <uk/pci.h>
#include <uk/print.h>

#define CFG_ADDR   0xcf8
#define CFG_DATA   0xcfc
#define CFG_ENABLE 0x80000000U
#define MAX_BUS    256
#define MAX_DEV    32
#define MAX_FN     8

#define HDR_MULTIFN 0x80
#define HDR_BRIDGE  0x01

#define BAR_IO      0x1
#define BAR_MEMTYPE 0x6
#define BAR_MEM64   0x4
#define BAR_PREF    0x8

/* The bus is scanned once, so the device table and the driver list are
 * the library's own state for the image's lifetime. */
static struct ukpci_dev devices[UKPCI_MAX_DEVICES];
static unsigned int ndevices;
static struct ukpci_driver *drivers;
static int scanned;

static uint32_t cfg_addr(unsigned int bus, unsigned int dev, unsigned int fn, unsigned int off)
{
	return CFG_ENABLE | bus << 16 | dev << 11 | fn << 8 | (off & 0xfc);
}

static uint32_t raw_read32(unsigned int bus, unsigned int dev, unsigned int fn, unsigned int off)
{
	outl(CFG_ADDR, cfg_addr(bus, dev, fn, off));
	return inl(CFG_DATA);
}

static uint16_t raw_read16(unsigned int bus, unsigned int dev, unsigned int fn, unsigned int off)
{
	outl(CFG_ADDR, cfg_addr(bus, dev, fn, off));
	return inw(CFG_DATA + (off & 2));
}

static uint8_t raw_read8(unsigned int bus, unsigned int dev, unsigned int fn, unsigned int off)
{
	outl(CFG_ADDR, cfg_addr(bus, dev, fn, off));
	return inb(CFG_DATA + (off & 3));
}

static void raw_write32(unsigned int bus, unsigned int dev, unsigned int fn, unsigned int off,
                        uint32_t v)
{
	outl(CFG_ADDR, cfg_addr(bus, dev, fn, off));
	outl(CFG_DATA, v);
}

uint32_t ukpci_cfg_read32(const struct ukpci_dev *d, unsigned int off)
{
	return raw_read32(d->bus, d->dev, d->fn, off);
}

uint16_t ukpci_cfg_read16(const struct ukpci_dev *d, unsigned int off)
{
	return raw_read16(d->bus, d->dev, d->fn, off);
}

uint8_t ukpci_cfg_read8(const struct ukpci_dev *d, unsigned int off)
{
	return raw_read8(d->bus, d->dev, d->fn, off);
}

void ukpci_cfg_write32(const struct ukpci_dev *d, unsigned int off, uint32_t v)
{
	raw_write32(d->bus, d->dev, d->fn, off, v);
}

void ukpci_cfg_write16(const struct ukpci_dev *d, unsigned int off, uint16_t v)
{
	outl(CFG_ADDR, cfg_addr(d->bus, d->dev, d->fn, off));
	outw(CFG_DATA + (off & 2), v);
}

void ukpci_cfg_write8(const struct ukpci_dev *d, unsigned int off, uint8_t v)
{
	outl(CFG_ADDR, cfg_addr(d->bus, d->dev, d->fn, off));
	outb(CFG_DATA + (off & 3), v);
}

void ukpci_enable(const struct ukpci_dev *d, uint16_t cmd_bits)
{
	uint16_t cmd = ukpci_cfg_read16(d, UKPCI_CFG_COMMAND);

	ukpci_cfg_write16(d, UKPCI_CFG_COMMAND, (uint16_t)(cmd | cmd_bits));
}

unsigned int ukpci_find_cap(const struct ukpci_dev *d, uint8_t cap_id, unsigned int after)
{
	unsigned int off, hops;

	if (!(ukpci_cfg_read16(d, UKPCI_CFG_STATUS) & UKPCI_STATUS_CAPS))
		return 0;
	off = after ? ukpci_cfg_read8(d, after + 1) : ukpci_cfg_read8(d, UKPCI_CFG_CAPS);
	/* at most 48 capabilities fit in the 192 bytes after the header: the
	 * bound stops a malformed (looping) list */
	for (hops = 0; hops < 48 && off >= 0x40; hops++) {
		off &= 0xfc;
		if (ukpci_cfg_read8(d, off) == cap_id)
			return off;
		off = ukpci_cfg_read8(d, off + 1);
	}
	return 0;
}

/*
 * Size of a BAR: write all ones, read back which address bits stick. The
 * caller has turned decoding off so the probe value never claims addresses.
 */
static uint32_t bar_probe(const struct ukpci_dev *d, unsigned int off, uint32_t orig)
{
	uint32_t mask;

	ukpci_cfg_write32(d, off, 0xffffffffU);
	mask = ukpci_cfg_read32(d, off);
	ukpci_cfg_write32(d, off, orig);
	return mask;
}

/* decodes BAR i; returns how many BAR slots it used (2 for a 64-bit one) */
static unsigned int bar_decode(struct ukpci_dev *d, unsigned int i)
{
	unsigned int off = UKPCI_CFG_BAR0 + 4 * i;
	uint32_t lo = ukpci_cfg_read32(d, off), mlo = bar_probe(d, off, lo), hi = 0,
	         mhi = 0xffffffffU;
	struct ukpci_bar *b = &d->bar[i];
	uint64_t mask;

	if (lo & BAR_IO) {
		mask = mlo & ~0x3U & 0xffffU;
		b->type = mask ? UKPCI_BAR_IO : UKPCI_BAR_NONE;
		b->base = lo & ~0x3U & 0xffffU;
		b->size = mask ? ((~mask + 1) & 0xffffU) : 0;
		return 1;
	}
	if ((lo & BAR_MEMTYPE) == BAR_MEM64 && i + 1 < UKPCI_NBARS) {
		hi = ukpci_cfg_read32(d, off + 4);
		mhi = bar_probe(d, off + 4, hi);
	}
	mask = ((uint64_t)mhi << 32) | (mlo & ~0xfU);
	if (!(mlo & ~0xfU)) {
		b->type = UKPCI_BAR_NONE;
		return 1;
	}
	b->type = (lo & BAR_MEMTYPE) == BAR_MEM64 ? UKPCI_BAR_MEM64 : UKPCI_BAR_MEM32;
	b->prefetchable = !!(lo & BAR_PREF);
	b->base = ((uint64_t)hi << 32) | (lo & ~0xfU);
	b->size = ~mask + 1;
	return b->type == UKPCI_BAR_MEM64 ? 2 : 1;
}

static void bars_decode(struct ukpci_dev *d)
{
	uint16_t cmd = ukpci_cfg_read16(d, UKPCI_CFG_COMMAND);
	unsigned int i, nbars = d->header_type == 0 ? 6 : (d->header_type == HDR_BRIDGE ? 2 : 0);

	ukpci_cfg_write16(d, UKPCI_CFG_COMMAND, cmd & (uint16_t) ~(UKPCI_CMD_IO | UKPCI_CMD_MEM));
	for (i = 0; i < nbars;)
		i += bar_decode(d, i);
	ukpci_cfg_write16(d, UKPCI_CFG_COMMAND, cmd);
}

static struct ukpci_dev *dev_add(unsigned int bus, unsigned int dev, unsigned int fn)
{
	struct ukpci_dev *d;

	if (ndevices == UKPCI_MAX_DEVICES) {
		uk_pr_warn("PCI %02x:%02x.%02x: more than %u devices, ignored\n", bus, dev, fn,
		           UKPCI_MAX_DEVICES);
		return NULL;
	}
	d = &devices[ndevices++];
	d->bus = (uint8_t)bus;
	d->dev = (uint8_t)dev;
	d->fn = (uint8_t)fn;
	d->vendor = ukpci_cfg_read16(d, UKPCI_CFG_VENDOR);
	d->device = ukpci_cfg_read16(d, UKPCI_CFG_DEVICE);
	d->revision = ukpci_cfg_read8(d, UKPCI_CFG_REVISION);
	d->progif = ukpci_cfg_read8(d, UKPCI_CFG_PROGIF);
	d->subclass = ukpci_cfg_read8(d, UKPCI_CFG_SUBCLASS);
	d->class = ukpci_cfg_read8(d, UKPCI_CFG_CLASS);
	d->header_type = ukpci_cfg_read8(d, UKPCI_CFG_HEADER) & (uint8_t)~HDR_MULTIFN;
	if (d->header_type == 0) {
		d->subsys_vendor = ukpci_cfg_read16(d, UKPCI_CFG_SUBSYS_V);
		d->subsys_device = ukpci_cfg_read16(d, UKPCI_CFG_SUBSYS_D);
	}
	d->irq_line = ukpci_cfg_read8(d, UKPCI_CFG_IRQ_LINE);
	d->irq_pin = ukpci_cfg_read8(d, UKPCI_CFG_IRQ_PIN);
	bars_decode(d);
	return d;
}

static void scan_bus(unsigned int bus, uint8_t *seen);

static void scan_fn(unsigned int bus, unsigned int dev, unsigned int fn, uint8_t *seen)
{
	struct ukpci_dev *d = dev_add(bus, dev, fn);
	unsigned int sec;

	if (!d || d->header_type != HDR_BRIDGE)
		return;
	sec = ukpci_cfg_read8(d, UKPCI_CFG_SECBUS);
	/* a bridge the firmware left unconfigured (0) or one pointing back at
	 * a bus already scanned would make us loop */
	if (sec && !(seen[sec / 8] & (1U << (sec % 8))))
		scan_bus(sec, seen);
}

static void scan_bus(unsigned int bus, uint8_t *seen)
{
	unsigned int dev, fn, nfn;

	seen[bus / 8] |= (uint8_t)(1U << (bus % 8));
	for (dev = 0; dev < MAX_DEV; dev++) {
		if (raw_read16(bus, dev, 0, UKPCI_CFG_VENDOR) == 0xffff)
			continue;
		nfn = raw_read8(bus, dev, 0, UKPCI_CFG_HEADER) & HDR_MULTIFN ? MAX_FN : 1;
		for (fn = 0; fn < nfn; fn++) {
			if (fn && raw_read16(bus, dev, fn, UKPCI_CFG_VENDOR) == 0xffff)
				continue;
			scan_fn(bus, dev, fn, seen);
		}
	}
}

int ukpci_match_one(const struct ukpci_match *m, const struct ukpci_dev *d)
{
	uint16_t cls = (uint16_t)(d->class << 8 | d->subclass);

	return (m->vendor == UKPCI_ANY_ID || m->vendor == d->vendor) &&
	       (m->device == UKPCI_ANY_ID || m->device == d->device) &&
	       (m->class == UKPCI_ANY_CLASS || m->class == cls);
}

static int drv_matches(const struct ukpci_driver *drv, const struct ukpci_dev *d)
{
	const struct ukpci_match *m;

	for (m = drv->ids; m->vendor || m->device; m++)
		if (ukpci_match_one(m, d))
			return 1;
	return 0;
}

static void dev_log(const struct ukpci_dev *d)
{
	uk_pr_info("PCI %02x:%02x.%02x (%02x%02x %04x:%04x): %s%s%s\n", d->bus, d->dev, d->fn,
	           d->class, d->subclass, d->vendor, d->device, d->driver ? "" : "<",
	           d->driver ? d->driver->name : "no driver", d->driver ? "" : ">");
}

/* offers d to drv; 1 if drv took it */
static int try_probe(struct ukpci_driver *drv, struct ukpci_dev *d)
{
	int rc;

	if (d->driver || !drv_matches(drv, d))
		return 0;
	rc = drv->probe(d);
	if (rc == 0) {
		d->driver = drv;
		return 1;
	}
	if (rc != -ENODEV)
		uk_pr_err("PCI %02x:%02x.%02x: %s: probe failed (%d)\n", d->bus, d->dev, d->fn,
		          drv->name, rc);
	return 0;
}

int ukpci_driver_register(struct ukpci_driver *drv)
{
	struct ukpci_driver *p;
	unsigned int i;

	if (!drv || !drv->name || !drv->ids || !drv->probe)
		return -EINVAL;
	for (p = drivers; p; p = p->next)
		if (p == drv)
			return -EINVAL;
	drv->next = drivers;
	drivers = drv;
	/* after the scan: the devices nobody claimed get their chance now */
	for (i = 0; scanned && i < ndevices; i++)
		if (try_probe(drv, &devices[i]))
			dev_log(&devices[i]);
	return 0;
}

unsigned int ukpci_count(void)
{
	return ndevices;
}

struct ukpci_dev *ukpci_get(unsigned int i)
{
	return i < ndevices ? &devices[i] : NULL;
}

static int ukpci_scan(void)
{
	uint8_t seen[MAX_BUS / 8] = {0};
	struct ukpci_driver *drv;
	unsigned int i;

	/* no host bridge answers: not a PCI machine (e.g. microvm) */
	if (raw_read16(0, 0, 0, UKPCI_CFG_VENDOR) == 0xffff) {
		uk_pr_debug("PCI: no host bridge\n");
		scanned = 1;
		return 0;
	}
	scan_bus(0, seen);
	scanned = 1;
	for (i = 0; i < ndevices; i++) {
		for (drv = drivers; drv && !try_probe(drv, &devices[i]); drv = drv->next)
			;
		dev_log(&devices[i]);
	}
	return 0;
}

uk_initcall_prio(ukpci_scan, plat, 2);
