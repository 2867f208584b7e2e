/* SPDX-License-Identifier: BSD-3-Clause */
/* I/O APIC: routes device lines (GSIs) to vectors on this CPU */
#include <stddef.h>
#include <kvm/errno.h>
#include <kvm/intctrl.h>
#include <kvm/traps.h>

#define IOAPIC_REGSEL    0x00
#define IOAPIC_WIN       0x10
#define IOAPIC_VER       0x01
#define IOAPIC_REDTBL(n) (0x10 + 2 * (n))
#define RTE_MASKED       (1U << 16)
#define RTE_LEVEL        (1U << 15)
#define RTE_ACTIVE_LOW   (1U << 13)

static volatile uint32_t *ioapic;
static uint32_t ioapic_gsi_base;
static unsigned int ioapic_lines;

static uint32_t ioapic_read(uint32_t reg)
{
	ioapic[IOAPIC_REGSEL / 4] = reg;
	return ioapic[IOAPIC_WIN / 4];
}

static void ioapic_write(uint32_t reg, uint32_t v)
{
	ioapic[IOAPIC_REGSEL / 4] = reg;
	ioapic[IOAPIC_WIN / 4] = v;
}

int kvm_ioapic_init(uint64_t base, uint32_t gsi_base)
{
	unsigned int i;

	if (!base || base >= (1UL << 32))
		return -EINVAL;
	ioapic = (volatile uint32_t *)(uintptr_t)base;
	ioapic_gsi_base = gsi_base;
	ioapic_lines = ((ioapic_read(IOAPIC_VER) >> 16) & 0xff) + 1;
	for (i = 0; i < ioapic_lines; i++) {
		ioapic_write(IOAPIC_REDTBL(i), RTE_MASKED);
		ioapic_write(IOAPIC_REDTBL(i) + 1, 0);
	}
	return 0;
}

int kvm_ioapic_present(void)
{
	return ioapic != NULL;
}

int kvm_ioapic_route(unsigned int irq, unsigned int gsi, int active_low, int level)
{
	uint32_t lo = KVM_VEC_IRQ_BASE + irq;

	if (!ioapic || gsi < ioapic_gsi_base || gsi - ioapic_gsi_base >= ioapic_lines)
		return -EINVAL;
	gsi -= ioapic_gsi_base;
	if (active_low)
		lo |= RTE_ACTIVE_LOW;
	if (level)
		lo |= RTE_LEVEL;
	ioapic_write(IOAPIC_REDTBL(gsi) + 1, kvm_lapic_id() << 24);
	ioapic_write(IOAPIC_REDTBL(gsi), lo);
	return 0;
}
