/* PCI INTx scenario: QEMU's "edu" device raises its legacy interrupt on
 * request, level triggered; on pc its line (10 or 11, from the firmware)
 * has an ACPI interrupt source override (level, active high) that
 * ukplat_irq_register() must apply when it reads the MADT. The handler
 * leaves the line asserted the first time: routed level triggered, the
 * I/O APIC delivers it again after the EOI (routed edge triggered, never).
 * QEMU does not model the polarity. The handler runs in interrupt context:
 * -mgeneral-regs-only (Makefile.uk). */
#include <stddef.h>
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <uk/plat.h>
#include "scenarios.h"

#define PCI_ADDR        0xcf8
#define PCI_DATA        0xcfc
#define EDU_ID          0x11e81234U /* device 0x11e8, vendor 0x1234 */
#define PCI_COMMAND     0x04
#define PCI_BAR0        0x10
#define PCI_INTR_LINE   0x3c
#define CMD_MEM         0x0002
#define EDU_INTR_STATUS 0x24
#define EDU_INTR_RAISE  0x60
#define EDU_INTR_ACK    0x64
#define EDU_RAISE_VALUE 0x1

static volatile uint32_t *edu;
static volatile unsigned int pci_irqs, pci_unclaimed;

static uint32_t pci_read(unsigned int dev, unsigned int reg)
{
	outl(PCI_ADDR, 0x80000000U | (dev << 11) | (reg & 0xfc));
	return inl(PCI_DATA);
}

static void pci_write(unsigned int dev, unsigned int reg, uint32_t v)
{
	outl(PCI_ADDR, 0x80000000U | (dev << 11) | (reg & 0xfc));
	outl(PCI_DATA, v);
}

static int edu_irq(void *arg)
{
	uint32_t st = edu[EDU_INTR_STATUS / 4];

	(void)arg;
	if (!st) {
		/* a line raised when the device did not: wrong polarity */
		pci_unclaimed++;
		return 0;
	}
	if (++pci_irqs >= 2)
		edu[EDU_INTR_ACK / 4] = st; /* drops the level */
	return 1;
}

void kt_pciirq(uint64_t seconds)
{
	uint64_t end = ukplat_monotonic_clock() + seconds * 1000000000ULL;
	unsigned int dev, line;
	int rc;

	for (dev = 0; dev < 32 && pci_read(dev, 0) != EDU_ID; dev++)
		;
	if (dev == 32) {
		kt_printf("kvmtest: pciirq no edu device\n");
		return;
	}
	line = pci_read(dev, PCI_INTR_LINE) & 0xff;
	edu = (volatile uint32_t *)(uintptr_t)(pci_read(dev, PCI_BAR0) & ~0xfU);
	pci_write(dev, PCI_COMMAND, pci_read(dev, PCI_COMMAND) | CMD_MEM);
	rc = ukplat_irq_register(line, edu_irq, NULL);
	/* a line routed with the wrong polarity fires before this */
	ukplat_lcpu_halt_until(ukplat_monotonic_clock() + 20000000ULL);
	edu[EDU_INTR_RAISE / 4] = EDU_RAISE_VALUE;
	while (pci_irqs < 2 && ukplat_monotonic_clock() < end)
		ukplat_lcpu_halt_until(end);
	/* a line still asserted after the acknowledgement shows up here */
	ukplat_lcpu_halt_until(ukplat_monotonic_clock() + 20000000ULL);
	kt_printf("kvmtest: pciirq line=%u register=%d count=%u unclaimed=%u\n", line, rc, pci_irqs,
	          pci_unclaimed);
}
