/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * I/O APICs: route device lines (GSIs) to vectors on this CPU. Each serves
 * the GSIs from its base (in the MADT) on; QEMU's microvm has a second one
 * (GSIs 24-47) for its virtio-mmio transports.
 */
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

#define MAX_IOAPICS 4

struct ioapic {
	volatile uint32_t *regs;
	uint32_t gsi_base;
	unsigned int lines;
};

static struct ioapic ioapics[MAX_IOAPICS];
static unsigned int nioapics;

static uint32_t ioapic_read(const struct ioapic *io, uint32_t reg)
{
	io->regs[IOAPIC_REGSEL / 4] = reg;
	return io->regs[IOAPIC_WIN / 4];
}

static void ioapic_write(const struct ioapic *io, uint32_t reg, uint32_t v)
{
	io->regs[IOAPIC_REGSEL / 4] = reg;
	io->regs[IOAPIC_WIN / 4] = v;
}

int kvm_ioapic_init(uint64_t base, uint32_t gsi_base)
{
	struct ioapic *io;
	unsigned int i;

	if (!base || base >= (1UL << 32))
		return -EINVAL;
	if (nioapics == MAX_IOAPICS)
		return -ENOMEM;
	io = &ioapics[nioapics];
	io->regs = (volatile uint32_t *)(uintptr_t)base;
	io->gsi_base = gsi_base;
	io->lines = ((ioapic_read(io, IOAPIC_VER) >> 16) & 0xff) + 1;
	for (i = 0; i < io->lines; i++) {
		ioapic_write(io, IOAPIC_REDTBL(i), RTE_MASKED);
		ioapic_write(io, IOAPIC_REDTBL(i) + 1, 0);
	}
	nioapics++;
	return 0;
}

int kvm_ioapic_present(void)
{
	return nioapics != 0;
}

/* the I/O APIC serving gsi, NULL if none does */
static const struct ioapic *ioapic_for(unsigned int gsi)
{
	unsigned int i;

	for (i = 0; i < nioapics; i++)
		if (gsi >= ioapics[i].gsi_base && gsi - ioapics[i].gsi_base < ioapics[i].lines)
			return &ioapics[i];
	return NULL;
}

int kvm_ioapic_route(unsigned int irq, unsigned int gsi, int active_low, int level)
{
	const struct ioapic *io = ioapic_for(gsi);
	uint32_t lo = KVM_VEC_IRQ_BASE + irq;

	if (!io)
		return -EINVAL;
	gsi -= io->gsi_base;
	if (active_low)
		lo |= RTE_ACTIVE_LOW;
	if (level)
		lo |= RTE_LEVEL;
	ioapic_write(io, IOAPIC_REDTBL(gsi) + 1, kvm_lapic_id() << 24);
	ioapic_write(io, IOAPIC_REDTBL(gsi), lo);
	return 0;
}
