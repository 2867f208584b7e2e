/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Extended CPU state: SSE is already on (boot32.S), here XSAVE and the AVX
 * state are enabled when CPUID offers them, so that code built for them and
 * the context switcher's XSAVE see a consistent XCR0.
 */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <kvm/printk.h>
#include <kvm/setup.h>

#define CPUID1_ECX_XSAVE (1U << 26)
#define CPUID1_ECX_AVX   (1U << 28)
#define XCR0_X87         (1UL << 0)
#define XCR0_SSE         (1UL << 1)
#define XCR0_AVX         (1UL << 2)

/* reported in the boot summary line (setup.c): one log line less */
char kvm_cpu_desc[64];

void kvm_cpu_features_init(void)
{
	__u32 a, b, c, d;
	uint64_t xcr0 = XCR0_X87 | XCR0_SSE;

#ifdef CONFIG_ARCH_X86_64_NOSSE
	(void)xcr0;
	kvm_snprintf(kvm_cpu_desc, sizeof(kvm_cpu_desc),
	             "built without SSE, extended state unused");
	return;
#endif
	ukarch_cpuid(1, 0, &a, &b, &c, &d);
	if (!(c & CPUID1_ECX_XSAVE)) {
		kvm_snprintf(kvm_cpu_desc, sizeof(kvm_cpu_desc), "SSE enabled, no XSAVE");
		return;
	}
	write_cr4(read_cr4() | X86_CR4_OSXSAVE);
	if (c & CPUID1_ECX_AVX)
		xcr0 |= XCR0_AVX;
	xsetbv(0, xcr0);
	kvm_snprintf(kvm_cpu_desc, sizeof(kvm_cpu_desc), "XSAVE enabled, XCR0=0x%lx%s", xcr0,
	             (c & CPUID1_ECX_AVX) ? " (AVX)" : "");
}
