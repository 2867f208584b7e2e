/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The final GDT: 64-bit code and data, and a TSS whose interrupt stack
 * table gives double fault, NMI, machine check and page fault their own
 * stacks, so a kernel stack overflow still produces a crash report.
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

struct desc_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

#define GDT_CODE64 0x00af9a000000ffffUL /* present, DPL 0, executable, L=1 */
#define GDT_DATA   0x00cf92000000ffffUL /* present, DPL 0, writable */
#define TSS_TYPE   0x89UL               /* present, available 64-bit TSS */

static uint64_t gdt[5] __attribute__((aligned(16)));
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

static void gdt_load(void)
{
	struct desc_ptr p = {.limit = sizeof(gdt) - 1, .base = (uintptr_t)gdt};

	/* reload CS with a far return, then the data segments and TR */
	__asm__ __volatile__("lgdt %0\n\t"
	                     "pushq %1\n\t"
	                     "leaq 1f(%%rip), %%rax\n\t"
	                     "pushq %%rax\n\t"
	                     "lretq\n"
	                     "1:\n\t"
	                     "movl %2, %%eax\n\t"
	                     "movl %%eax, %%ds\n\t"
	                     "movl %%eax, %%es\n\t"
	                     "movl %%eax, %%ss\n\t"
	                     "ltr %w3\n\t"
	                     :
	                     : "m"(p), "i"(KVM_GDT_CODE), "i"(KVM_GDT_DATA), "r"(KVM_GDT_TSS)
	                     : "rax", "memory");
}

void kvm_gdt_init(void)
{
	int i;

	for (i = 0; i < KVM_IST_COUNT; i++)
		tss.ist[i] = (uintptr_t)&ist_stacks[i][KVM_IST_STACK_SIZE];
	tss.iomap_base = sizeof(tss); /* no I/O bitmap */
	gdt[0] = 0;
	gdt[KVM_GDT_CODE / 8] = GDT_CODE64;
	gdt[KVM_GDT_DATA / 8] = GDT_DATA;
	gdt_set_tss(&gdt[KVM_GDT_TSS / 8], (uintptr_t)&tss, sizeof(tss) - 1);
	gdt_load();
}
