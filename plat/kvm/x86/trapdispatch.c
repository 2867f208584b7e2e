/* SPDX-License-Identifier: BSD-3-Clause */
/* Routes every vector: exceptions are fatal, the rest are interrupts */
#include <kvm/intctrl.h>
#include <kvm/printk.h>
#include <kvm/traps.h>

#define KVM_EXCEPTIONS 32

void kvm_trap_dispatch(struct kvm_trap_regs *regs)
{
	uint64_t v = regs->vector;

	if (v < KVM_EXCEPTIONS)
		kvm_crash_report(regs);
	if (v == KVM_VEC_TIMER) {
		kvm_timer_interrupt();
		kvm_lapic_eoi();
		return;
	}
	if (v == KVM_VEC_SPURIOUS)
		return; /* spurious interrupts take no EOI */
	if (v >= KVM_VEC_IRQ_BASE && v < KVM_VEC_IRQ_BASE + KVM_IRQ_LINES) {
		kvm_irq_dispatch((unsigned int)(v - KVM_VEC_IRQ_BASE));
		return;
	}
	kvm_warn("unexpected interrupt vector %lu\n", (unsigned long)v);
	if (kvm_lapic_present())
		kvm_lapic_eoi();
}
