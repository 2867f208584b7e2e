/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Primitives of the current x86_64 CPU: port I/O, MSRs, CPUID, TSC, control
 * registers, and interrupt masking (contracts.md section 5). All inline so
 * that interrupt-context code compiled with -mgeneral-regs-only can use them.
 */
#ifndef UK_ARCH_LCPU_H
#define UK_ARCH_LCPU_H

#include <uk/arch/types.h>

/* RFLAGS.IF, the interrupt enable flag */
#define X86_RFLAGS_IF (1UL << 9)

/* Control register bits used by the platform */
#define X86_CR0_PE         (1UL << 0)
#define X86_CR0_MP         (1UL << 1)
#define X86_CR0_EM         (1UL << 2)
#define X86_CR0_TS         (1UL << 3)
#define X86_CR0_NE         (1UL << 5)
#define X86_CR0_WP         (1UL << 16)
#define X86_CR0_PG         (1UL << 31)
#define X86_CR4_PAE        (1UL << 5)
#define X86_CR4_PGE        (1UL << 7)
#define X86_CR4_OSFXSR     (1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)
#define X86_CR4_FSGSBASE   (1UL << 16)
#define X86_CR4_OSXSAVE    (1UL << 18)

/* MSRs */
#define X86_MSR_EFER         0xc0000080
#define X86_EFER_LME         (1UL << 8)
#define X86_EFER_NXE         (1UL << 11)
#define X86_MSR_APIC_BASE    0x0000001b
#define X86_MSR_TSC_DEADLINE 0x000006e0
#define X86_MSR_FS_BASE      0xc0000100
#define X86_MSR_GS_BASE      0xc0000101

#ifndef __ASSEMBLY__

static inline void outb(__u16 port, __u8 v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(__u16 port, __u16 v)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(__u16 port, __u32 v)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline __u8 inb(__u16 port)
{
	__u8 v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline __u16 inw(__u16 port)
{
	__u16 v;

	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline __u32 inl(__u16 port)
{
	__u32 v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline __u64 rdmsr(__u32 msr)
{
	__u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((__u64)hi << 32) | lo;
}

static inline void wrmsr(__u32 msr, __u64 v)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((__u32)v), "d"((__u32)(v >> 32)) : "memory");
}

static inline void ukarch_cpuid(__u32 leaf, __u32 subleaf, __u32 *eax, __u32 *ebx, __u32 *ecx,
                                __u32 *edx)
{
	__asm__ __volatile__("cpuid"
	                     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
	                     : "a"(leaf), "c"(subleaf));
}

/* rdtsc is not serializing; the lfence keeps it after earlier loads */
static inline __u64 rdtsc(void)
{
	__u32 lo, hi;

	__asm__ __volatile__("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((__u64)hi << 32) | lo;
}

#define UKARCH_CR_ACCESSORS(n)                                                                     \
	static inline unsigned long read_cr##n(void)                                               \
	{                                                                                          \
		unsigned long v;                                                                   \
		__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));                              \
		return v;                                                                          \
	}                                                                                          \
	static inline void write_cr##n(unsigned long v)                                            \
	{                                                                                          \
		__asm__ __volatile__("mov %0, %%cr" #n : : "r"(v) : "memory");                     \
	}

UKARCH_CR_ACCESSORS(0)
UKARCH_CR_ACCESSORS(2)
UKARCH_CR_ACCESSORS(3)
UKARCH_CR_ACCESSORS(4)

static inline void xsetbv(__u32 reg, __u64 v)
{
	__asm__ __volatile__("xsetbv" : : "c"(reg), "a"((__u32)v), "d"((__u32)(v >> 32)));
}

static inline void invlpg(unsigned long vaddr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(vaddr) : "memory");
}

static inline void ukarch_pause(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

/* Halts until the next interrupt; only returns if interrupts are enabled */
static inline void ukarch_halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

/* sti only takes effect after the next instruction, so no interrupt can
 * slip in between the two and the wake-up cannot be lost. */
static inline void ukarch_irq_enable_and_halt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

static inline void ukarch_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void ukarch_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

static inline unsigned long ukarch_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void ukarch_irq_restore(unsigned long flags)
{
	if (flags & X86_RFLAGS_IF)
		ukarch_irq_enable();
}

static inline int ukarch_irq_enabled(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=r"(flags));
	return (flags & X86_RFLAGS_IF) != 0;
}

#endif /* !__ASSEMBLY__ */

#endif /* UK_ARCH_LCPU_H */
