/* SPDX-License-Identifier: BSD-3-Clause */
/* TSC clock, its calibration sources, the RTC and the wake-up timer */
#ifndef KVM_TIME_H
#define KVM_TIME_H

#include <stdint.h>

/* Marks "boot" for ukplat_monotonic_clock(); first thing in C */
void kvm_tsc_mark_boot(void);
/* One PIT calibration window: TSC and LAPIC timer ticks (0 without a LAPIC)
 * counted over pit_ticks of the PIT's 1.193182 MHz */
struct kvm_pit_window {
	uint64_t tsc_ticks, pit_ticks;
	uint32_t lapic_ticks;
};

/* Finds the TSC frequency: CPUID 0x15/0x16, KVM pvclock, else the PIT.
 * 0, or -ENOTSUP when the TSC is unusable. */
int kvm_tsc_init(void);
uint64_t kvm_tsc_hz(void);
/* Where the frequency came from ("CPUID", "KVM pvclock", "i8254 PIT") */
const char *kvm_tsc_source(void);
/* The PIT window of the boot calibration, NULL when another source was used */
const struct kvm_pit_window *kvm_tsc_pit_window(void);
/* A better frequency: the clock continues from now at the new rate.
 * Called with interrupts off. */
void kvm_tsc_set_hz(uint64_t hz);
/* From the end of boot: refines a PIT-calibrated TSC frequency against the
 * RTC's seconds edges (update-ended interrupt) while the system runs */
void kvm_tsc_refine_start(void);
/* TSC value at monotonic time ns */
uint64_t kvm_tsc_at(uint64_t ns);
/* ns it took to calibrate, and the source used */
uint64_t kvm_tsc_calibration_ns(void);

/* Frequency sources; each returns 0 when it cannot tell */
uint64_t kvm_cpuid_tsc_hz(void);
uint64_t kvm_pvclock_tsc_hz(void);
/* Counts TSC (and LAPIC timer) ticks over `us` microseconds of PIT
 * channel 0; 0, or -1 when the PIT does not count */
int kvm_pit_window(unsigned int us, struct kvm_pit_window *w);
uint64_t kvm_pit_window_tsc_hz(const struct kvm_pit_window *w);

/* CMOS RTC as seconds since the Unix epoch; 0 if unreadable */
uint64_t kvm_rtc_read_epoch(void);
/* Days since 1970-01-01 of a proleptic Gregorian date */
int64_t kvm_days_from_civil(int64_t y, unsigned int m, unsigned int d);

/* Wake-up timer (LAPIC TSC-deadline or one-shot) for halt_until */
int kvm_timer_init(void);
/* "LAPIC TSC-deadline", "LAPIC one-shot" or "none"; the one-shot rate */
const char *kvm_timer_mode(void);
uint64_t kvm_timer_lapic_hz(void);

#endif /* KVM_TIME_H */
