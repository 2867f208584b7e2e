/* SPDX-License-Identifier: BSD-3-Clause */
/* MADT ("APIC"): the I/O APICs and the ISA interrupt source overrides */
#include <stdint.h>
#include <kvm/acpi.h>
#include <kvm/errno.h>
#include <kvm/intctrl.h>
#include <kvm/printk.h>

#define MADT_IOAPIC       1
#define MADT_OVERRIDE     2
#define MPS_POLARITY_LOW  3
#define MPS_TRIGGER_LEVEL (3 << 2)

struct madt {
	struct acpi_sdt_hdr hdr;
	uint32_t lapic_addr;
	uint32_t flags;
} __attribute__((packed));

struct madt_entry {
	uint8_t type, length;
} __attribute__((packed));

struct madt_ioapic {
	struct madt_entry h;
	uint8_t id, reserved;
	uint32_t addr;
	uint32_t gsi_base;
} __attribute__((packed));

struct madt_override {
	struct madt_entry h;
	uint8_t bus, source;
	uint32_t gsi;
	uint16_t flags;
} __attribute__((packed));

static void madt_entry(const struct madt_entry *e, int *ioapics)
{
	const struct madt_ioapic *io = (const void *)e;
	const struct madt_override *ov = (const void *)e;

	if (e->type == MADT_IOAPIC && e->length >= sizeof(*io)) {
		/* every one: microvm's second serves its virtio-mmio GSIs 24-47 */
		if (kvm_ioapic_init(io->addr, io->gsi_base) == 0)
			(*ioapics)++;
	} else if (e->type == MADT_OVERRIDE && e->length >= sizeof(*ov)) {
		kvm_irq_set_override(ov->source, ov->gsi, (ov->flags & 3) == MPS_POLARITY_LOW,
		                     (ov->flags & (3 << 2)) == MPS_TRIGGER_LEVEL);
	}
}

int kvm_madt_parse(void)
{
	const struct madt *m = (const void *)kvm_acpi_find("APIC");
	const uint8_t *p, *end;
	int ioapics = 0;

	if (!m)
		return -ENOENT;
	p = (const uint8_t *)(m + 1);
	end = (const uint8_t *)m + m->hdr.length;
	while (p + sizeof(struct madt_entry) <= end) {
		const struct madt_entry *e = (const void *)p;

		if (e->length < sizeof(*e) || p + e->length > end)
			break;
		madt_entry(e, &ioapics);
		p += e->length;
	}
	return ioapics ? 0 : -ENOENT;
}
