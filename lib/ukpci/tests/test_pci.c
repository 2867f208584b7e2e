/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-kernel cases of ukpci: match rules, driver registration after the
 * scan, and what the scan found on the machine (checked only where a PCI
 * bus exists: -M pc has one, -M microvm none).
 */
#include <errno.h>
#include <uk/pci.h>
#include <uk/test.h>

UK_TESTCASE(ukpci, match_rules)
{
	struct ukpci_dev d = {.vendor = 0x1af4, .device = 0x1000, .class = 0x02, .subclass = 0x00};
	struct ukpci_match exact = {0x1af4, 0x1000, UKPCI_ANY_CLASS},
	                   other = {0x1af4, 0x1001, UKPCI_ANY_CLASS},
	                   any = {UKPCI_ANY_ID, UKPCI_ANY_ID, UKPCI_ANY_CLASS},
	                   netclass = {UKPCI_ANY_ID, UKPCI_ANY_ID, 0x0200},
	                   storclass = {UKPCI_ANY_ID, UKPCI_ANY_ID, 0x0100};

	UK_TEST_EXPECT(ukpci_match_one(&exact, &d));
	UK_TEST_EXPECT(!ukpci_match_one(&other, &d));
	UK_TEST_EXPECT(ukpci_match_one(&any, &d));
	UK_TEST_EXPECT(ukpci_match_one(&netclass, &d));
	UK_TEST_EXPECT(!ukpci_match_one(&storclass, &d));
}

static int probes;

static int refuse_probe(struct ukpci_dev *d)
{
	(void)d;
	probes++;
	return -ENODEV;
}

/* every device, but the probe declines: each unclaimed device is offered once */
static const struct ukpci_match all_ids[] = {{UKPCI_ANY_ID, UKPCI_ANY_ID, UKPCI_ANY_CLASS},
                                             {0, 0, 0}};
static struct ukpci_driver refuser = {.name = "refuser", .ids = all_ids, .probe = refuse_probe};

UK_TESTCASE(ukpci, late_driver_sees_unclaimed_devices)
{
	unsigned int i, unclaimed = 0;
	struct ukpci_driver noprobe = {.name = "x", .ids = all_ids};

	for (i = 0; i < ukpci_count(); i++)
		unclaimed += ukpci_get(i)->driver == NULL;
	UK_TEST_EXPECT_SNUM_EQ(ukpci_driver_register(NULL), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(ukpci_driver_register(&noprobe), -EINVAL);
	UK_TEST_ASSERT(ukpci_driver_register(&refuser) == 0);
	UK_TEST_EXPECT_SNUM_EQ(probes, (int)unclaimed);
	UK_TEST_EXPECT_SNUM_EQ(ukpci_driver_register(&refuser), -EINVAL);
	for (i = 0; i < ukpci_count(); i++)
		UK_TEST_EXPECT(ukpci_get(i)->driver != &refuser);
	UK_TEST_EXPECT_NULL(ukpci_get(ukpci_count()));
}

UK_TESTCASE(ukpci, scan_results_are_sane)
{
	unsigned int i, b;

	if (!ukpci_count())
		return; /* no PCI bus on this machine */
	/* the host bridge comes first */
	UK_TEST_EXPECT_UNUM_EQ(ukpci_get(0)->bus, 0);
	UK_TEST_EXPECT_UNUM_EQ(ukpci_get(0)->dev, 0);
	UK_TEST_EXPECT_UNUM_EQ(ukpci_get(0)->class, 0x06);
	for (i = 0; i < ukpci_count(); i++) {
		const struct ukpci_dev *d = ukpci_get(i);

		UK_TEST_EXPECT_UNUM_NE(d->vendor, 0xffff);
		UK_TEST_EXPECT_UNUM_EQ(ukpci_cfg_read16(d, UKPCI_CFG_VENDOR), d->vendor);
		UK_TEST_EXPECT_UNUM_LT(d->fn, 8);
		UK_TEST_EXPECT_UNUM_LT(d->dev, 32);
		for (b = 0; b < UKPCI_NBARS; b++) {
			const struct ukpci_bar *bar = &d->bar[b];

			if (bar->type == UKPCI_BAR_NONE)
				continue;
			/* sizes are powers of two and bases aligned to them */
			UK_TEST_EXPECT_UNUM_EQ(bar->size & (bar->size - 1), 0);
			UK_TEST_EXPECT_UNUM_EQ(bar->base & (bar->size - 1), 0);
			if (bar->type == UKPCI_BAR_IO)
				UK_TEST_EXPECT(bar->base + bar->size <= 0x10000);
		}
	}
}

UK_TESTCASE(ukpci, virtio_net_decoded)
{
	unsigned int i;

	for (i = 0; i < ukpci_count(); i++) {
		const struct ukpci_dev *d = ukpci_get(i);

		if (d->vendor != 0x1af4 || d->device != 0x1000)
			continue;
		/* QEMU's transitional virtio-net: legacy I/O BAR 0, a 64-bit
		 * memory BAR for the modern interface, INTA routed by SeaBIOS,
		 * vendor capabilities (type 0x09) for the modern layout */
		UK_TEST_EXPECT_UNUM_EQ(d->bar[0].type, UKPCI_BAR_IO);
		UK_TEST_EXPECT_UNUM_GE(d->bar[0].size, 0x20);
		UK_TEST_EXPECT_UNUM_EQ(d->bar[4].type, UKPCI_BAR_MEM64);
		UK_TEST_EXPECT_UNUM_EQ(d->bar[5].type, UKPCI_BAR_NONE);
		UK_TEST_EXPECT_UNUM_EQ(d->irq_pin, 1);
		UK_TEST_EXPECT(d->irq_line > 0 && d->irq_line < 16);
		UK_TEST_EXPECT_UNUM_NE(ukpci_find_cap(d, 0x09, 0), 0);
		UK_TEST_EXPECT_UNUM_EQ(ukpci_cfg_read16(d, UKPCI_CFG_COMMAND) & UKPCI_CMD_MASTER,
		                       UKPCI_CMD_MASTER);
		UK_TEST_EXPECT_STR_EQ(d->driver ? d->driver->name : "", "virtio-net");
	}
}
