/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TSC frequency from the KVM paravirtual clock: KVM publishes the scale it
 * uses to turn TSC ticks into ns (tsc_to_system_mul, tsc_shift) in a page
 * we register with an MSR. Only used when CPUID shows the KVM signature.
 */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <kvm/time.h>

#define CPUID_HV_BASE           0x40000000
#define CPUID_KVM_FEATURES      0x40000001
#define KVM_FEATURE_CLOCK2      (1U << 3)
#define MSR_KVM_SYSTEM_TIME_NEW 0x4b564d01
#define PVCLOCK_ENABLE          1
#define PVCLOCK_SPIN_LIMIT      10000000UL

struct pvclock_time {
	volatile uint32_t version;
	uint32_t pad0;
	uint64_t tsc_timestamp;
	uint64_t system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	uint8_t flags;
	uint8_t pad[2];
} __attribute__((packed));

static struct pvclock_time pvti __attribute__((aligned(64)));

static int is_kvm(void)
{
	__u32 a, b, c, d;

	ukarch_cpuid(CPUID_HV_BASE, 0, &a, &b, &c, &d);
	/* "KVMKVMKVM\0\0\0" in ebx, ecx, edx */
	return b == 0x4b4d564b && c == 0x564b4d56 && d == 0x0000004d && a >= CPUID_KVM_FEATURES;
}

uint64_t kvm_pvclock_tsc_hz(void)
{
	__u32 a, b, c, d;
	unsigned long spin = PVCLOCK_SPIN_LIMIT;
	uint64_t hz;
	uint32_t v;

	if (!is_kvm())
		return 0;
	ukarch_cpuid(CPUID_KVM_FEATURES, 0, &a, &b, &c, &d);
	if (!(a & KVM_FEATURE_CLOCK2))
		return 0;
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, (uintptr_t)&pvti | PVCLOCK_ENABLE);
	/* KVM fills the page on the next guest entry; odd version: mid-update */
	do {
		v = pvti.version;
		__asm__ __volatile__("" ::: "memory");
	} while (((v & 1) || !pvti.tsc_to_system_mul) && --spin);
	if (!spin) {
		wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0);
		return 0;
	}
	/* ns = ((ticks << shift) * mul) >> 32, so hz = 1e9 * 2^32 / mul >> shift */
	hz = (uint64_t)((1000000000ULL << 32) / pvti.tsc_to_system_mul);
	if (pvti.tsc_shift >= 0)
		hz >>= pvti.tsc_shift;
	else
		hz <<= -pvti.tsc_shift;
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0); /* stop updates: the page is ours again */
	return hz;
}
