/* SPDX-License-Identifier: BSD-3-Clause */
/* TSC frequency as the CPU (or the hypervisor's CPUID) states it */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <kvm/time.h>

#define LEAF_TSC_CRYSTAL 0x15
#define LEAF_CPU_FREQ    0x16
#define MHZ              1000000ULL

uint64_t kvm_cpuid_tsc_hz(void)
{
	__u32 max, a, b, c, d;

	ukarch_cpuid(0, 0, &max, &b, &c, &d);
	if (max >= LEAF_TSC_CRYSTAL) {
		/* TSC = crystal * ebx / eax; both ratio terms must be known */
		ukarch_cpuid(LEAF_TSC_CRYSTAL, 0, &a, &b, &c, &d);
		if (a && b && c)
			return (uint64_t)c * b / a;
	}
	if (max >= LEAF_CPU_FREQ) {
		/* nominal base frequency in MHz: invariant-TSC parts tick at it */
		ukarch_cpuid(LEAF_CPU_FREQ, 0, &a, &b, &c, &d);
		if (a & 0xffff)
			return (uint64_t)(a & 0xffff) * MHZ;
	}
	return 0;
}
