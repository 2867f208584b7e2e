/* SPDX-License-Identifier: BSD-3-Clause */
/* Interrupt controllers: local APIC, I/O APIC, legacy 8259 PIC */
#ifndef KVM_INTCTRL_H
#define KVM_INTCTRL_H

#include <stddef.h>
#include <stdint.h>

/* Legacy PIC: remapped to KVM_VEC_IRQ_BASE and fully masked */
void kvm_pic_init(void);
void kvm_pic_unmask(unsigned int irq);
void kvm_pic_eoi(unsigned int irq);

/* Local APIC (xAPIC, MMIO). 0 or -ENOTSUP when the CPU has none. */
int kvm_lapic_init(void);
/* lapic.c's register window, NULL without a local APIC. Inline: under TCG
 * each call costs two blocks to translate at boot */
extern volatile uint32_t *kvm_lapic_mmio;
static inline int kvm_lapic_present(void)
{
	return kvm_lapic_mmio != NULL;
}
uint32_t kvm_lapic_id(void);
void kvm_lapic_eoi(void);
/* One-shot timer on KVM_VEC_TIMER: ticks of the timer clock (divide by 1) */
void kvm_lapic_timer_oneshot(uint32_t ticks);
void kvm_lapic_timer_stop(void);
uint32_t kvm_lapic_timer_current(void);
/* TSC-deadline mode: the timer fires when the TSC reaches IA32_TSC_DEADLINE */
void kvm_lapic_timer_deadline_mode(void);
void kvm_lapic_lint0_extint(void);

/* I/O APIC at a physical address from the ACPI MADT */
int kvm_ioapic_init(uint64_t base, uint32_t gsi_base);
int kvm_ioapic_present(void);
/* Routes gsi to vector KVM_VEC_IRQ_BASE + irq on this CPU, unmasked */
int kvm_ioapic_route(unsigned int irq, unsigned int gsi, int active_low, int level);

/* ISA IRQ -> GSI overrides from the MADT (pc routes IRQ 0 to GSI 2) */
void kvm_irq_set_override(unsigned int irq, unsigned int gsi, int active_low, int level);
/* Brings up the controllers (I/O APIC + LAPIC, or PIC alone) */
int kvm_intctrl_init(void);
/* From the trap dispatcher: device line `irq` fired */
void kvm_irq_dispatch(unsigned int irq);
/* From the trap dispatcher: local APIC timer fired */
void kvm_timer_interrupt(void);

#endif /* KVM_INTCTRL_H */
