/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The GDT: 64-bit code and data, and a TSS whose interrupt stack table
 * gives double fault, NMI, machine check and page fault their own stacks,
 * so a kernel stack overflow still produces a crash report. It is the
 * boot GDT (boot32.S), loaded since the first instructions with CS, DS,
 * ES and SS already set from it: only the TSS descriptor is filled in and
 * TR loaded (a second GDT meant reloading every segment register, costly
 * mode changes under TCG).
 */
#include <stdint.h>
#include <kvm/boot.h>
#include <kvm/traps.h>

struct tss64 {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

#define TSS_TYPE 0x89UL /* present, available 64-bit TSS */

extern uint64_t kvm_boot_gdt[5];
static struct tss64 tss __attribute__((aligned(16)));
/* never read before written: not cleared at boot (link64.lds) */
static uint8_t ist_stacks[KVM_IST_COUNT][KVM_IST_STACK_SIZE]
    __attribute__((aligned(16), section(".bss.kvm_noclear.ist_stacks")));

/* A 64-bit TSS descriptor spans two GDT slots */
static void gdt_set_tss(uint64_t *slot, uint64_t base, uint32_t limit)
{
	slot[0] = (limit & 0xffffUL) | ((base & 0xffffffUL) << 16) | (TSS_TYPE << 40) |
	          ((uint64_t)(limit >> 16 & 0xf) << 48) | ((base >> 24 & 0xffUL) << 56);
	slot[1] = base >> 32;
}

void kvm_gdt_init(void)
{
	int i;

	for (i = 0; i < KVM_IST_COUNT; i++)
		tss.ist[i] = (uintptr_t)&ist_stacks[i][KVM_IST_STACK_SIZE];
	tss.iomap_base = sizeof(tss); /* no I/O bitmap */
	gdt_set_tss(&kvm_boot_gdt[KVM_GDT_TSS / 8], (uintptr_t)&tss, sizeof(tss) - 1);
	__asm__ __volatile__("ltr %w0" : : "r"(KVM_GDT_TSS) : "memory");
}
