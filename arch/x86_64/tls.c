/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The thread pointer lives in FS base. wrfsbase/rdfsbase are much cheaper
 * than the MSR but only usable when the CPU has them (CPUID.7.0:EBX bit 0)
 * and the platform set CR4.FSGSBASE; otherwise use MSR 0xc0000100.
 */
#include <uk/arch/ctx.h>
#include <uk/arch/lcpu.h>

#define CPUID7_EBX_FSGSBASE (1U << 0)

static int fsgsbase = -1; /* -1: not probed yet */

static int have_fsgsbase(void)
{
	__u32 a, b, c, d;

	if (fsgsbase >= 0)
		return fsgsbase;
	ukarch_cpuid(0, 0, &a, &b, &c, &d);
	fsgsbase = 0;
	if (a >= 7) {
		ukarch_cpuid(7, 0, &a, &b, &c, &d);
		fsgsbase = (b & CPUID7_EBX_FSGSBASE) && (read_cr4() & X86_CR4_FSGSBASE);
	}
	return fsgsbase;
}

void ukarch_tls_set(unsigned long fsbase)
{
	if (have_fsgsbase())
		__asm__ __volatile__("wrfsbase %0" : : "r"(fsbase) : "memory");
	else
		wrmsr(X86_MSR_FS_BASE, fsbase);
}

unsigned long ukarch_tls_get(void)
{
	unsigned long v;

	if (have_fsgsbase()) {
		__asm__ __volatile__("rdfsbase %0" : "=r"(v));
		return v;
	}
	return rdmsr(X86_MSR_FS_BASE);
}
