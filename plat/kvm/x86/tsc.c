/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The monotonic clock: TSC ticks scaled to ns with a 32.32 fixed-point
 * multiplier. The frequency comes from the cheapest source that knows it:
 * CPUID leaves 0x15/0x16, then the KVM paravirtual clock, and only then a
 * short PIT measurement (CONFIG_KVM_PIT_CALIBRATION_US long), which the RTC
 * refines later (tsc_refine.c) without stopping the boot.
 *
 * The scale may change while the system runs, so the clock is kept as a
 * segment: ns = base_ns + (tsc - base_tsc) * ns_mult. A new scale starts a
 * new segment at the current instant, which keeps the clock continuous and
 * monotonic. The only writer is an interrupt handler on this (single) CPU,
 * so a reader that sees the same generation before and after copying the
 * segment has a consistent copy.
 */
#include <uk/config.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/time.h>
#include <kvm/errno.h>
#include <kvm/printk.h>
#include <kvm/time.h>

#ifndef CONFIG_KVM_PIT_CALIBRATION_US
#define CONFIG_KVM_PIT_CALIBRATION_US 1000
#endif
#define CPUID1_EDX_TSC   (1U << 4)
#define MIN_PLAUSIBLE_HZ 100000000ULL   /* 100 MHz */
#define MAX_PLAUSIBLE_HZ 20000000000ULL /* 20 GHz */

struct tsc_segment {
	uint64_t base_tsc, base_ns;
	uint64_t ns_mult;  /* ns per tick, 32.32 fixed point */
	uint64_t tsc_mult; /* ticks per ns, 32.32 fixed point */
};

static struct tsc_segment seg;
static volatile unsigned long seg_gen;
static uint64_t tsc_hz;
static uint64_t calib_ns;
static struct kvm_pit_window pit_window;
static const char *source;

#define compiler_barrier() __asm__ __volatile__("" ::: "memory")

void kvm_tsc_mark_boot(void)
{
	seg.base_tsc = rdtsc();
}

static struct tsc_segment seg_read(void)
{
	struct tsc_segment s;
	unsigned long g;

	do {
		g = seg_gen;
		compiler_barrier();
		s = seg;
		compiler_barrier();
	} while (g != seg_gen);
	return s;
}

static void seg_set_scale(uint64_t hz)
{
	seg.ns_mult = (uint64_t)(((unsigned __int128)UKPLAT_NSEC_PER_SEC << 32) / hz);
	seg.tsc_mult = (uint64_t)(((unsigned __int128)hz << 32) / UKPLAT_NSEC_PER_SEC);
}

static uint64_t seg_ns(const struct tsc_segment *s, uint64_t tsc)
{
	return s->base_ns + (uint64_t)(((unsigned __int128)(tsc - s->base_tsc) * s->ns_mult) >> 32);
}

static const char *find_frequency(void)
{
	tsc_hz = kvm_cpuid_tsc_hz();
	if (tsc_hz)
		return "CPUID";
	tsc_hz = kvm_pvclock_tsc_hz();
	if (tsc_hz)
		return "KVM pvclock";
	if (kvm_pit_window(CONFIG_KVM_PIT_CALIBRATION_US, &pit_window))
		return "i8254 PIT (no answer)";
	tsc_hz = kvm_pit_window_tsc_hz(&pit_window);
#if CONFIG_KVM_TEST_TSC_SKEW_PPM
	tsc_hz += tsc_hz / 1000000 * CONFIG_KVM_TEST_TSC_SKEW_PPM;
#endif
	return "i8254 PIT";
}

int kvm_tsc_init(void)
{
	__u32 a, b, c, d;
	uint64_t t0 = rdtsc();

	ukarch_cpuid(1, 0, &a, &b, &c, &d);
	if (!(d & CPUID1_EDX_TSC))
		return -ENOTSUP;
	source = find_frequency();
	if (tsc_hz < MIN_PLAUSIBLE_HZ || tsc_hz > MAX_PLAUSIBLE_HZ) {
		kvm_crit("TSC frequency %lu Hz from %s is implausible\n", tsc_hz, source);
		tsc_hz = 0;
		return -ENOTSUP;
	}
	seg_set_scale(tsc_hz);
	calib_ns = seg_ns(&seg, rdtsc()) - seg_ns(&seg, t0);
	return 0;
}

const char *kvm_tsc_source(void)
{
	return source;
}

const struct kvm_pit_window *kvm_tsc_pit_window(void)
{
	return pit_window.pit_ticks ? &pit_window : NULL;
}

/* From interrupt context (the RTC refinement), interrupts off */
void kvm_tsc_set_hz(uint64_t hz)
{
	uint64_t now = rdtsc();

	seg_gen++;
	compiler_barrier();
	seg.base_ns = seg_ns(&seg, now);
	seg.base_tsc = now;
	seg_set_scale(hz);
	tsc_hz = hz;
	compiler_barrier();
	seg_gen++;
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
	struct tsc_segment s = seg_read();

	if (!s.ns_mult)
		return 0;
	return seg_ns(&s, rdtsc());
}

uint64_t kvm_tsc_at(uint64_t ns)
{
	struct tsc_segment s = seg_read();

	if (ns < s.base_ns)
		return s.base_tsc -
		       (uint64_t)(((unsigned __int128)(s.base_ns - ns) * s.tsc_mult) >> 32);
	return s.base_tsc + (uint64_t)(((unsigned __int128)(ns - s.base_ns) * s.tsc_mult) >> 32);
}
