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
/* read through the inline kvm_tsc_hz() in <kvm/time.h> */
uint64_t kvm_tsc_hz_now;
static uint64_t calib_ns;
/* the boot calibration's window (pit_ticks 0: another source); read
 * through the inline kvm_tsc_pit_window() */
struct kvm_pit_window kvm_tsc_window;
static const char *source;
static struct kvm_pit_span span;
static int span_running;
static uint64_t begin_tsc; /* TSC ticks spent starting the span */

#define compiler_barrier() __asm__ __volatile__("" ::: "memory")

void kvm_tsc_mark_boot(void)
{
	/* the clock counts from the kernel's first instruction (boot32.S) */
	seg.base_tsc = kvm_boot_tsc;
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

static int tsc_present(void)
{
	__u32 a, b, c, d;

	ukarch_cpuid(1, 0, &a, &b, &c, &d);
	return !!(d & CPUID1_EDX_TSC);
}

static uint64_t ticks_ns(uint64_t ticks)
{
	return (uint64_t)((unsigned __int128)ticks * UKPLAT_NSEC_PER_SEC / kvm_tsc_hz_now);
}

void kvm_tsc_calibration_begin(void)
{
	uint64_t t0 = rdtsc();

	if (!tsc_present())
		return;
	kvm_tsc_hz_now = kvm_cpuid_tsc_hz();
	if (kvm_tsc_hz_now) {
		source = "CPUID";
		return;
	}
	kvm_tsc_hz_now = kvm_pvclock_tsc_hz();
	if (kvm_tsc_hz_now) {
		source = "KVM pvclock";
		return;
	}
	/* the PIT: its window runs while the rest of the platform sets up,
	 * instead of a wait of its own */
	span_running = kvm_pit_span_begin(&span) == 0;
	begin_tsc = rdtsc() - t0;
}

void kvm_tsc_calibration_lapic(void)
{
	if (span_running)
		kvm_pit_span_lapic_start(&span);
}

/* The span's end, or a window of its own when the span failed (no PIT
 * answer at the start, or longer than the 16-bit counter covers) */
static const char *pit_frequency(void)
{
	const char *src = "i8254 PIT";

	if (!span_running ||
	    kvm_pit_span_end(&span, CONFIG_KVM_PIT_CALIBRATION_US, &kvm_tsc_window)) {
		if (kvm_pit_window(CONFIG_KVM_PIT_CALIBRATION_US, &kvm_tsc_window))
			return "i8254 PIT (no answer)";
		src = span_running ? "i8254 PIT (span wrapped, own window)"
		                   : "i8254 PIT (own window)";
	}
	span_running = 0;
	kvm_tsc_hz_now = kvm_pit_window_tsc_hz(&kvm_tsc_window);
#if CONFIG_KVM_TEST_TSC_SKEW_PPM
	kvm_tsc_hz_now += kvm_tsc_hz_now / 1000000 * CONFIG_KVM_TEST_TSC_SKEW_PPM;
#endif
	return src;
}

int kvm_tsc_init(void)
{
	uint64_t t0 = rdtsc();

	if (!tsc_present())
		return -ENOTSUP;
#if CONFIG_KVM_TEST_PIT_SPAN_DELAY_MS
	/* test builds: a platform slow enough for the span to wrap */
	if (span_running)
		kvm_pit_busy_wait(CONFIG_KVM_TEST_PIT_SPAN_DELAY_MS * 1000);
	t0 = rdtsc();
#endif
	if (!source)
		source = pit_frequency();
	if (kvm_tsc_hz_now < MIN_PLAUSIBLE_HZ || kvm_tsc_hz_now > MAX_PLAUSIBLE_HZ) {
		kvm_crit("TSC frequency %lu Hz from %s is implausible\n", kvm_tsc_hz_now, source);
		kvm_tsc_hz_now = 0;
		return -ENOTSUP;
	}
	seg_set_scale(kvm_tsc_hz_now);
	/* the time the boot waited for the calibration (the span's begin and
	 * its end), not the span itself, which overlapped other work */
	calib_ns = ticks_ns(rdtsc() - t0 + begin_tsc);
	return 0;
}

const char *kvm_tsc_source(void)
{
	return source;
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
	kvm_tsc_hz_now = hz;
	compiler_barrier();
	seg_gen++;
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
