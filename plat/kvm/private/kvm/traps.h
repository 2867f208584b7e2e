/* SPDX-License-Identifier: BSD-3-Clause */
/* Descriptor tables, the trap frame and the vectors in use */
#ifndef KVM_TRAPS_H
#define KVM_TRAPS_H

#define KVM_VEC_IRQ_BASE   32   /* ISA IRQ n / I/O APIC GSI n -> vector 32 + n */
#define KVM_IRQ_LINES      48   /* GSIs 0-47: two I/O APICs (microvm's second: 24-47) */
#define KVM_VEC_TIMER      0xf0 /* local APIC timer */
#define KVM_VEC_SPURIOUS   0xff /* local APIC spurious vector */
#define KVM_TRAP_STUB_SIZE 16

/* Interrupt stack table slots of the TSS */
#define KVM_IST_DF    1
#define KVM_IST_NMI   2
#define KVM_IST_MC    3
#define KVM_IST_PF    4
#define KVM_IST_COUNT 4

#ifndef __ASSEMBLY__
#include <stdint.h>

/* What the entry stubs push, lowest address first (see traps.S) */
struct kvm_trap_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};

extern char kvm_trap_stubs[]; /* 256 stubs, KVM_TRAP_STUB_SIZE bytes each */

void kvm_gdt_init(void);
void kvm_idt_init(void);
/* Called by the stubs with interrupts disabled */
void kvm_trap_dispatch(struct kvm_trap_regs *regs);
/* Prints the crash report for an exception and stops the VM */
void kvm_crash_report(const struct kvm_trap_regs *regs) __attribute__((noreturn));
#endif

#endif /* KVM_TRAPS_H */
