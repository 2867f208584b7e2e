/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The monotonic clock: TSC ticks since boot scaled to ns with a 32.32
 * fixed-point multiplier. The frequency comes from the cheapest source that
 * knows it: CPUID leaves 0x15/0x16, then the KVM paravirtual clock, and only
 * then a short PIT measurement (CONFIG_KVM_PIT_CALIBRATION_US long).
 */
#include <uk/config.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/time.h>
#include <kvm/errno.h>
#include <kvm/printk.h>
#include <kvm/time.h>

#ifndef CONFIG_KVM_PIT_CALIBRATION_US
#define CONFIG_KVM_PIT_CALIBRATION_US 5000
#endif
#define CPUID1_EDX_TSC   (1U << 4)
#define MIN_PLAUSIBLE_HZ 100000000ULL   /* 100 MHz */
#define MAX_PLAUSIBLE_HZ 20000000000ULL /* 20 GHz */

static uint64_t boot_tsc;
static uint64_t tsc_hz;
static uint64_t ns_mult;  /* ns per tick, 32.32 fixed point */
static uint64_t tsc_mult; /* ticks per ns, 32.32 fixed point */
static uint64_t calib_ns;

void kvm_tsc_mark_boot(void)
{
	boot_tsc = rdtsc();
}

static const char *find_frequency(void)
{
	tsc_hz = kvm_cpuid_tsc_hz();
	if (tsc_hz)
		return "CPUID";
	tsc_hz = kvm_pvclock_tsc_hz();
	if (tsc_hz)
		return "KVM pvclock";
	tsc_hz = kvm_pit_tsc_hz(CONFIG_KVM_PIT_CALIBRATION_US);
	return "i8254 PIT";
}

int kvm_tsc_init(void)
{
	__u32 a, b, c, d;
	uint64_t t0 = rdtsc();
	const char *src;

	ukarch_cpuid(1, 0, &a, &b, &c, &d);
	if (!(d & CPUID1_EDX_TSC))
		return -ENOTSUP;
	src = find_frequency();
	if (tsc_hz < MIN_PLAUSIBLE_HZ || tsc_hz > MAX_PLAUSIBLE_HZ) {
		kvm_crit("TSC frequency %lu Hz from %s is implausible\n", tsc_hz, src);
		tsc_hz = 0;
		return -ENOTSUP;
	}
	ns_mult = (uint64_t)(((unsigned __int128)UKPLAT_NSEC_PER_SEC << 32) / tsc_hz);
	tsc_mult = (uint64_t)(((unsigned __int128)tsc_hz << 32) / UKPLAT_NSEC_PER_SEC);
	calib_ns = (uint64_t)(((unsigned __int128)(rdtsc() - t0) * ns_mult) >> 32);
	kvm_info("Clock source: TSC, %lu Hz from %s (calibration took %lu us)\n", tsc_hz, src,
	         calib_ns / 1000);
	return 0;
}

uint64_t kvm_tsc_hz(void)
{
	return tsc_hz;
}

uint64_t kvm_tsc_calibration_ns(void)
{
	return calib_ns;
}

uint64_t ukplat_monotonic_clock(void)
{
	if (!ns_mult)
		return 0;
	return (uint64_t)(((unsigned __int128)(rdtsc() - boot_tsc) * ns_mult) >> 32);
}

uint64_t kvm_tsc_at(uint64_t ns)
{
	return boot_tsc + (uint64_t)(((unsigned __int128)ns * tsc_mult) >> 32);
}
