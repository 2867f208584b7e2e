/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Turns on the syscall instruction (CONFIG_LIBSYSCALL_SHIM_HANDLER): the
 * CPU jumps to uk_syscall_entry (x86_64/entry.S) with CS from STAR and SS
 * = CS + 8, so that GDT entry must be a data segment; checked first, and
 * the instruction stays off (with a warning) if the layout differs.
 */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <uk/init.h>
#include <uk/print.h>

#define MSR_EFER   0xc0000080
#define MSR_STAR   0xc0000081
#define MSR_LSTAR  0xc0000082
#define MSR_SFMASK 0xc0000084
#define EFER_SCE   1ULL
/* cleared on entry: trap, direction and alignment-check flags (IF stays as it was) */
#define ENTRY_FLAGS_CLEARED ((1UL << 8) | (1UL << 10) | (1UL << 18))

void uk_syscall_entry(void);

struct gdt_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

/* 1 if GDT entry sel is a present, writable data segment */
static int gdt_is_data(uint16_t sel)
{
	struct gdt_ptr g;
	uint64_t d;

	__asm__ __volatile__("sgdt %0" : "=m"(g));
	if ((uint32_t)(sel & ~7) + 7 > g.limit)
		return 0;
	d = ((const uint64_t *)g.base)[sel >> 3];
	/* P (47), S (44) set; executable (43) clear; writable (41) set */
	return (d >> 47 & 1) && (d >> 44 & 1) && !(d >> 43 & 1) && (d >> 41 & 1);
}

static int syscall_insn_init(void)
{
	uint16_t cs;

	__asm__ __volatile__("mov %%cs, %0" : "=r"(cs));
	if (!gdt_is_data((uint16_t)(cs + 8))) {
		uk_pr_warn("syscall instruction left off: GDT entry %#x is not a data segment\n",
		           cs + 8);
		return 0;
	}
	wrmsr(MSR_STAR, (uint64_t)cs << 32);
	wrmsr(MSR_LSTAR, (uint64_t)(uintptr_t)uk_syscall_entry);
	wrmsr(MSR_SFMASK, ENTRY_FLAGS_CLEARED);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	uk_pr_info("syscall instruction handled (entry %p)\n", (void *)uk_syscall_entry);
	return 0;
}
uk_initcall_prio(syscall_insn_init, early, 0);
