/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Idling: ukplat_lcpu_halt_until() arms the local APIC timer (TSC-deadline
 * mode when the CPU has it, else one-shot with a rate measured against the
 * TSC) and halts with `sti; hlt`, so the VM costs no host CPU while idle.
 * Also the wall clock: the RTC, read once when the wall clock is first
 * asked for, plus the monotonic clock.
 */
#include <uk/arch/lcpu.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
#include <kvm/console.h>
#include <kvm/errno.h>
#include <kvm/intctrl.h>
#include <kvm/printk.h>
#include <kvm/time.h>

#define CPUID1_ECX_TSC_DEADLINE (1U << 24)
#define LAPIC_CALIB_NS          1000000ULL /* 1 ms of counting */
#define LAPIC_WARMUP_NS         50000ULL
#define MAX_SLEEP_NS            (1ULL << 40) /* about 18 minutes */

enum timer_mode { TIMER_NONE, TIMER_ONESHOT, TIMER_DEADLINE };

static enum timer_mode mode;
/* LAPIC timer ticks per TSC tick, as the fraction lapic_num / tsc_den: a
 * ratio of the two counters, so it stays right when the TSC's scale is
 * refined later */
static uint64_t lapic_num, tsc_den;
/* wall clock minus monotonic clock, once the RTC has been read */
static uint64_t wall_offset_ns;
static int wall_known;
static volatile uint64_t timer_fired;

void kvm_timer_interrupt(void)
{
	timer_fired++;
	/* what boot left for later, if still pending (the kick boot armed) */
	kvm_vga_due();
	kvm_tsc_refine_start();
}

/* The LAPIC/TSC ratio over `ns` of TSC time, when no PIT window gave it */
static void lapic_calibrate(uint64_t ns)
{
	uint64_t t0, t1, end = ukplat_monotonic_clock() + ns;
	uint32_t left;

	t0 = rdtsc();
	kvm_lapic_timer_oneshot(0xffffffffU);
	while (ukplat_monotonic_clock() < end)
		ukarch_pause();
	t1 = rdtsc();
	left = kvm_lapic_timer_current();
	kvm_lapic_timer_stop();
	lapic_num = 0xffffffffU - left;
	tsc_den = t1 - t0;
}

static void lapic_ratio_init(void)
{
	const struct kvm_pit_window *w = kvm_tsc_pit_window();

	if (w && w->lapic_ticks) {
		/* counted against the TSC while the PIT window ran */
		lapic_num = w->lapic_ticks;
		tsc_den = w->lapic_tsc_ticks;
		return;
	}
	/* the first round only gets the code translated when emulated (TCG),
	 * which would otherwise lengthen the window's end */
	lapic_calibrate(LAPIC_WARMUP_NS);
	lapic_calibrate(LAPIC_CALIB_NS);
}

uint64_t kvm_timer_lapic_hz(void)
{
	if (mode != TIMER_ONESHOT || !tsc_den)
		return 0;
	return (uint64_t)((unsigned __int128)kvm_tsc_hz() * lapic_num / tsc_den);
}

const char *kvm_timer_mode(void)
{
	return mode == TIMER_DEADLINE  ? "LAPIC TSC-deadline"
	       : mode == TIMER_ONESHOT ? "LAPIC one-shot"
	                               : "none";
}

int kvm_timer_init(void)
{
	__u32 a, b, c, d;

	if (!kvm_lapic_present() || !kvm_tsc_hz()) {
		kvm_warn("no wake-up timer: halt_until will spin\n");
		return -ENOTSUP;
	}
	ukarch_cpuid(1, 0, &a, &b, &c, &d);
	if (c & CPUID1_ECX_TSC_DEADLINE) {
		mode = TIMER_DEADLINE;
		return 0;
	}
	lapic_ratio_init();
	if (!lapic_num || !tsc_den)
		return -ENOTSUP;
	mode = TIMER_ONESHOT;
	return 0;
}

static void timer_arm(uint64_t deadline, uint64_t now)
{
	unsigned __int128 ticks;
	uint64_t tsc_now;

	/* far deadlines ("forever") would overflow the TSC conversion: wake
	 * early instead, callers re-check */
	if (deadline - now > MAX_SLEEP_NS)
		deadline = now + MAX_SLEEP_NS;
	if (mode == TIMER_DEADLINE) {
		kvm_lapic_timer_deadline_mode();
		wrmsr(X86_MSR_TSC_DEADLINE, kvm_tsc_at(deadline));
		return;
	}
	tsc_now = kvm_tsc_at(now);
	ticks = (unsigned __int128)(kvm_tsc_at(deadline) - tsc_now) * lapic_num / tsc_den;
	/* an early wake-up is allowed: callers re-check their deadline */
	kvm_lapic_timer_oneshot(ticks > 0xffffffffU ? 0xffffffffU : (uint32_t)ticks);
}

static void timer_disarm(void)
{
	if (mode == TIMER_DEADLINE)
		wrmsr(X86_MSR_TSC_DEADLINE, 0);
	else
		kvm_lapic_timer_stop();
}

/* Not timer_arm(): its conversions would be translated at boot (TCG) for
 * this one use; here a rough count of ticks is enough */
void kvm_timer_kick(uint64_t ns)
{
	uint64_t tsc_ticks = kvm_tsc_hz() / 1000000 * (ns / 1000);
	uint64_t ticks;

	if (mode == TIMER_DEADLINE) {
		kvm_lapic_timer_deadline_mode();
		wrmsr(X86_MSR_TSC_DEADLINE, rdtsc() + tsc_ticks);
	} else if (mode == TIMER_ONESHOT) {
		ticks = (uint64_t)((unsigned __int128)tsc_ticks * lapic_num / tsc_den);
		kvm_lapic_timer_oneshot(ticks > 0xffffffffU ? 0xffffffffU : (uint32_t)ticks);
	}
}

void ukplat_lcpu_halt_until(uint64_t deadline)
{
	unsigned long flags = ukarch_irq_save();
	uint64_t now;

	/* deferred from boot: the VGA console's drawing, the TSC refinement */
	kvm_vga_flush();
	kvm_tsc_refine_start();
	now = ukplat_monotonic_clock();

	if (deadline > now) {
		if (mode == TIMER_NONE) {
			while (ukplat_monotonic_clock() < deadline)
				ukarch_pause();
		} else {
			timer_arm(deadline, now);
			/* interrupts are off until hlt, so the timer cannot fire
			 * unnoticed between the check above and the halt */
			ukarch_irq_enable_and_halt();
			ukarch_irq_disable();
			timer_disarm();
		}
	}
	ukarch_irq_restore(flags);
}

/* The RTC is read on first use rather than at boot, where it cost ~0.3 ms
 * of TCG boot time (and an update cycle can hold it up to 2 ms). Either
 * way the RTC only gives whole seconds: the wall clock lags by under 1 s. */
static void wall_clock_init(void)
{
	unsigned long flags = ukarch_irq_save(); /* the RTC refinement's IRQ
	                                          * handler uses CMOS too */
	uint64_t epoch_s = kvm_rtc_read_epoch(), mono = ukplat_monotonic_clock();

	/* an unreadable RTC (0) leaves the wall clock at the monotonic clock */
	if (epoch_s && epoch_s * UKPLAT_NSEC_PER_SEC > mono)
		wall_offset_ns = epoch_s * UKPLAT_NSEC_PER_SEC - mono;
	wall_known = 1;
	ukarch_irq_restore(flags);
}

uint64_t ukplat_wall_clock(void)
{
	if (!wall_known)
		wall_clock_init();
	return wall_offset_ns + ukplat_monotonic_clock();
}
