/* SPDX-License-Identifier: BSD-3-Clause */
/* TSC clock, its calibration sources, the RTC and the wake-up timer */
#ifndef KVM_TIME_H
#define KVM_TIME_H

#include <stddef.h>
#include <stdint.h>

/* Marks "boot" for ukplat_monotonic_clock(); first thing in C */
/* TSC value at the kernel's first instruction (boot32.S): the clock's zero */
extern uint64_t kvm_boot_tsc;
void kvm_tsc_mark_boot(void);
/* One PIT calibration window: TSC ticks counted over pit_ticks of the
 * PIT's 1.193182 MHz, and LAPIC timer ticks (0 without a LAPIC) counted
 * over lapic_tsc_ticks of the TSC (a part of the same window) */
struct kvm_pit_window {
	uint64_t tsc_ticks, pit_ticks;
	uint64_t lapic_tsc_ticks;
	uint32_t lapic_ticks;
};
/* A window that runs while the platform sets up (no waiting): started
 * early, the LAPIC timer joins once the interrupt controllers are up */
struct kvm_pit_span {
	uint64_t tsc_start, lapic_tsc_start;
	uint16_t pit_start;
	int lapic;
};

/* Right after the IDT: takes the TSC frequency from CPUID 0x15/0x16 or the
 * KVM pvclock, else starts a PIT span that runs while the platform sets up */
void kvm_tsc_calibration_begin(void);
/* Once the interrupt controllers are up: the LAPIC timer joins the span */
void kvm_tsc_calibration_lapic(void);
/* Ends the span (waiting until it is CONFIG_KVM_PIT_CALIBRATION_US long;
 * a fresh window if it wrapped) and starts the clock.
 * 0, or -ENOTSUP when the TSC is unusable. */
int kvm_tsc_init(void);
/* The TSC frequency now (0 before kvm_tsc_init()). Inline, on tsc.c's
 * variable: it is read at five places on the boot path, and under TCG
 * each call costs two blocks to translate */
extern uint64_t kvm_tsc_hz_now;
static inline uint64_t kvm_tsc_hz(void)
{
	return kvm_tsc_hz_now;
}
/* Where the frequency came from ("CPUID", "KVM pvclock", "i8254 PIT") */
const char *kvm_tsc_source(void);
/* The PIT window of the boot calibration, NULL when another source was used */
extern struct kvm_pit_window kvm_tsc_window;
static inline const struct kvm_pit_window *kvm_tsc_pit_window(void)
{
	return kvm_tsc_window.pit_ticks ? &kvm_tsc_window : NULL;
}
/* A better frequency: the clock continues from now at the new rate.
 * Called with interrupts off. */
void kvm_tsc_set_hz(uint64_t hz);
/* Refines a PIT-calibrated TSC frequency against the RTC's seconds edges
 * (update-ended interrupt) while the system runs. Boot calls _prepare();
 * _start() registers the RTC line, once, after boot: from the first
 * halt_until() or the timer interrupt _prepare() arranged. Interrupts off. */
void kvm_tsc_refine_prepare(void);
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
/* The span: begin at a tick edge (0, or -1 when the PIT does not count),
 * LAPIC timer start, end at a tick edge at least min_us after the begin
 * (-1 when the PIT is stuck or the span outgrew its 16-bit counter) */
int kvm_pit_span_begin(struct kvm_pit_span *s);
void kvm_pit_span_lapic_start(struct kvm_pit_span *s);
int kvm_pit_span_end(const struct kvm_pit_span *s, unsigned int min_us, struct kvm_pit_window *w);
/* Test builds: waits `us` of PIT time without reprogramming the PIT */
void kvm_pit_busy_wait(unsigned int us);

/* CMOS RTC as seconds since the Unix epoch; 0 if unreadable */
uint64_t kvm_rtc_read_epoch(void);
/* Days since 1970-01-01 of a proleptic Gregorian date */
int64_t kvm_days_from_civil(int64_t y, unsigned int m, unsigned int d);

/* Wake-up timer (LAPIC TSC-deadline or one-shot) for halt_until */
int kvm_timer_init(void);
/* A timer interrupt ns from now (for work deferred past boot), unless an
 * idle halt re-arms the timer first. Interrupts off. */
void kvm_timer_kick(uint64_t ns);
/* The kick boot arms: the VGA drawing and the TSC refinement start then
 * (or at the first halt_until(), whichever comes first) */
#define KVM_BOOT_KICK_NS 50000000ULL
/* "LAPIC TSC-deadline", "LAPIC one-shot" or "none"; the one-shot rate */
const char *kvm_timer_mode(void);
uint64_t kvm_timer_lapic_hz(void);

#endif /* KVM_TIME_H */
