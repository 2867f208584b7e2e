/* SPDX-License-Identifier: BSD-3-Clause */
/* The IDT: every vector points at its stub in traps.S; some exceptions
 * run on their own IST stack (see gdt.c) */
#include <stdint.h>
#include <kvm/boot.h>
#include <kvm/traps.h>

struct idt_gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;
	uint8_t type; /* 0x8e: present, DPL 0, 64-bit interrupt gate */
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t reserved;
} __attribute__((packed));

struct idt_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

#define IDT_VECTORS        256
#define IDT_INTERRUPT_GATE 0x8e
#define VEC_NMI            2
#define VEC_DF             8
#define VEC_PF             14
#define VEC_MC             18

static struct idt_gate idt[IDT_VECTORS] __attribute__((aligned(16)));

static uint8_t vector_ist(unsigned int vec)
{
	switch (vec) {
	case VEC_DF:
		return KVM_IST_DF;
	case VEC_NMI:
		return KVM_IST_NMI;
	case VEC_MC:
		return KVM_IST_MC;
	case VEC_PF:
		return KVM_IST_PF;
	default:
		return 0;
	}
}

void kvm_idt_init(void)
{
	struct idt_ptr p = {.limit = sizeof(idt) - 1, .base = (uintptr_t)idt};
	unsigned int v;

	for (v = 0; v < IDT_VECTORS; v++) {
		uintptr_t a = (uintptr_t)kvm_trap_stubs + v * KVM_TRAP_STUB_SIZE;

		idt[v] = (struct idt_gate){.off_lo = a & 0xffff,
		                           .sel = KVM_GDT_CODE,
		                           .ist = vector_ist(v),
		                           .type = IDT_INTERRUPT_GATE,
		                           .off_mid = (a >> 16) & 0xffff,
		                           .off_hi = (uint32_t)(a >> 32),
		                           .reserved = 0};
	}
	__asm__ __volatile__("lidt %0" : : "m"(p));
}
