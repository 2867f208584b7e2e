/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host stand-in for arch/x86_64's <uk/arch/lcpu.h>: a Linux process may not
 * mask interrupts (and has none to mask), so those are no-ops; CPUID is
 * unprivileged and stays real.
 */
#ifndef UK_ARCH_LCPU_H
#define UK_ARCH_LCPU_H

#include <uk/arch/types.h>

static inline void ukarch_cpuid(__u32 leaf, __u32 subleaf, __u32 *eax, __u32 *ebx, __u32 *ecx,
                                __u32 *edx)
{
	__asm__ __volatile__("cpuid"
	                     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
	                     : "a"(leaf), "c"(subleaf));
}

static inline unsigned long ukarch_irq_save(void)
{
	return 0;
}

static inline void ukarch_irq_restore(unsigned long flags)
{
	(void)flags;
}

static inline void ukarch_irq_disable(void)
{
}

static inline void ukarch_irq_enable(void)
{
}

#endif /* UK_ARCH_LCPU_H */
