/* SPDX-License-Identifier: BSD-3-Clause */
/* TSC clock, its calibration sources, the RTC and the wake-up timer */
#ifndef KVM_TIME_H
#define KVM_TIME_H

#include <stdint.h>

/* Marks "boot" for ukplat_monotonic_clock(); first thing in C */
void kvm_tsc_mark_boot(void);
/* Finds the TSC frequency: CPUID 0x15/0x16, KVM pvclock, else the PIT.
 * 0, or -ENOTSUP when the TSC is unusable. */
int kvm_tsc_init(void);
uint64_t kvm_tsc_hz(void);
/* TSC value at monotonic time ns */
uint64_t kvm_tsc_at(uint64_t ns);
/* ns it took to calibrate, and the source used */
uint64_t kvm_tsc_calibration_ns(void);

/* Frequency sources; each returns 0 when it cannot tell */
uint64_t kvm_cpuid_tsc_hz(void);
uint64_t kvm_pvclock_tsc_hz(void);
/* Counts TSC ticks over a PIT channel 2 countdown of `us` microseconds */
uint64_t kvm_pit_tsc_hz(unsigned int us);

/* CMOS RTC as seconds since the Unix epoch; 0 if unreadable */
uint64_t kvm_rtc_read_epoch(void);
/* Days since 1970-01-01 of a proleptic Gregorian date */
int64_t kvm_days_from_civil(int64_t y, unsigned int m, unsigned int d);

/* Wake-up timer (LAPIC TSC-deadline or one-shot) for halt_until */
int kvm_timer_init(void);

#endif /* KVM_TIME_H */
