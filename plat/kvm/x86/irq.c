/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device interrupt lines: handler registration and dispatch. With an I/O
 * APIC (found through the MADT) lines are routed there and acknowledged
 * at the local APIC; without one the legacy PIC delivers them.
 *
 * Which of the two is decided when the first line is registered, not at
 * boot: the ACPI search and the MADT are then read (~75 TCG-translated
 * blocks, ~0.4 ms of a TCG boot that no line needs before main()). Until
 * then both stay masked: the PIC by kvm_pic_init(), the I/O APIC's
 * entries by its reset state (QEMU and Firecracker start them masked).
 */
#include <stddef.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/irq.h>
#include <kvm/acpi.h>
#include <kvm/errno.h>
#include <kvm/intctrl.h>
#include <kvm/printk.h>
#include <kvm/traps.h>

#define HANDLERS_PER_LINE 4
#define ISA_LINES         16

struct irq_handler {
	uk_irq_handler_t fn;
	void *arg;
};

struct irq_route {
	unsigned int gsi;
	int active_low, level;
};

static struct irq_handler handlers[KVM_IRQ_LINES][HANDLERS_PER_LINE];
/* ISA lines: the MADT's overrides; above: what ukplat_irq_set_mode() set */
static struct irq_route routes[KVM_IRQ_LINES];
static int use_ioapic;
static int routing_known; /* the MADT was read (or there is no LAPIC) */

void kvm_irq_set_override(unsigned int irq, unsigned int gsi, int active_low, int level)
{
	if (irq >= ISA_LINES)
		return;
	routes[irq] = (struct irq_route){.gsi = gsi, .active_low = active_low, .level = level};
}

static int irq_unmask(unsigned int irq)
{
	if (!use_ioapic) {
		if (irq >= ISA_LINES)
			return -EINVAL;
		kvm_pic_unmask(irq);
		return 0;
	}
	return kvm_ioapic_route(irq, routes[irq].gsi, routes[irq].active_low, routes[irq].level);
}

int ukplat_irq_set_mode(unsigned int irq, int level, int active_low)
{
	/* ISA lines keep what the MADT says about them */
	if (irq < ISA_LINES || irq >= KVM_IRQ_LINES)
		return -EINVAL;
	routes[irq].level = !!level;
	routes[irq].active_low = !!active_low;
	return 0;
}

/* The I/O APIC and the ISA overrides from the MADT, else the PIC through
 * LAPIC LINT0; once, with interrupts off */
static void routing_init(void)
{
	if (routing_known)
		return;
	routing_known = 1;
	use_ioapic = kvm_madt_parse() == 0;
	if (!use_ioapic)
		kvm_lapic_lint0_extint();
	kvm_info("Device interrupts through the %s\n", use_ioapic ? "I/O APIC" : "8259 PIC");
}

int ukplat_irq_register(unsigned int irq, uk_irq_handler_t fn, void *arg)
{
	unsigned long flags;
	int i, rc;

	if (!fn || irq >= KVM_IRQ_LINES)
		return -EINVAL;
	flags = ukarch_irq_save();
	routing_init();
	for (i = 0; i < HANDLERS_PER_LINE && handlers[irq][i].fn; i++)
		;
	if (i == HANDLERS_PER_LINE) {
		ukarch_irq_restore(flags);
		return -ENOMEM;
	}
	handlers[irq][i] = (struct irq_handler){.fn = fn, .arg = arg};
	rc = irq_unmask(irq);
	if (rc)
		handlers[irq][i].fn = NULL;
	ukarch_irq_restore(flags);
	return rc;
}

void kvm_irq_dispatch(unsigned int irq)
{
	int i, handled = 0;

	for (i = 0; i < HANDLERS_PER_LINE && handlers[irq][i].fn; i++)
		handled |= handlers[irq][i].fn(handlers[irq][i].arg);
	if (!handled)
		kvm_warn("IRQ %u: no handler claimed it\n", irq);
	if (use_ioapic)
		kvm_lapic_eoi();
	else
		kvm_pic_eoi(irq);
}

int kvm_intctrl_init(void)
{
	unsigned int i;
	int rc;

	for (i = 0; i < ISA_LINES; i++)
		routes[i] = (struct irq_route){.gsi = i, .active_low = 0, .level = 0};
	/* above the ISA range: PCI style (level, active low) unless set */
	for (; i < KVM_IRQ_LINES; i++)
		routes[i] = (struct irq_route){.gsi = i, .active_low = 1, .level = 1};
	kvm_pic_init(); /* remapped and masked even when unused: no stray vectors */
	rc = kvm_lapic_init();
	if (rc) {
		kvm_warn("no local APIC: device IRQs through the PIC, no timer\n");
		routing_known = 1;
		return 0;
	}
	return 0;
}
