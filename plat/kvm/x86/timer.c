/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Idling: ukplat_lcpu_halt_until() arms the local APIC timer (TSC-deadline
 * mode when the CPU has it, else one-shot with a rate measured against the
 * TSC) and halts with `sti; hlt`, so the VM costs no host CPU while idle.
 * Also the wall clock: the RTC read once at boot plus the monotonic clock.
 */
#include <uk/arch/lcpu.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
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
static uint64_t lapic_hz;
static uint64_t boot_epoch_s;
static volatile uint64_t timer_fired;

void kvm_timer_interrupt(void)
{
	timer_fired++;
}

/* LAPIC timer ticks per second, measured over `ns` of TSC time */
static uint64_t lapic_calibrate(uint64_t ns)
{
	uint64_t end, start_ns = ukplat_monotonic_clock();
	uint32_t left;

	kvm_lapic_timer_oneshot(0xffffffffU);
	end = start_ns + ns;
	while (ukplat_monotonic_clock() < end)
		ukarch_pause();
	left = kvm_lapic_timer_current();
	kvm_lapic_timer_stop();
	return (uint64_t)(0xffffffffU - left) * UKPLAT_NSEC_PER_SEC / ns;
}

int kvm_timer_init(void)
{
	__u32 a, b, c, d;

	boot_epoch_s = kvm_rtc_read_epoch();
	if (!kvm_lapic_present() || !kvm_tsc_hz()) {
		kvm_warn("no wake-up timer: halt_until will spin\n");
		return -ENOTSUP;
	}
	ukarch_cpuid(1, 0, &a, &b, &c, &d);
	if (c & CPUID1_ECX_TSC_DEADLINE) {
		mode = TIMER_DEADLINE;
		kvm_info("Timer: LAPIC TSC-deadline\n");
		return 0;
	}
	/* the first round only gets the code translated when emulated (TCG),
	 * which would otherwise lengthen the window's end */
	lapic_calibrate(LAPIC_WARMUP_NS);
	lapic_hz = lapic_calibrate(LAPIC_CALIB_NS);
	if (!lapic_hz)
		return -ENOTSUP;
	mode = TIMER_ONESHOT;
	kvm_info("Timer: LAPIC one-shot, %lu Hz\n", lapic_hz);
	return 0;
}

static void timer_arm(uint64_t deadline, uint64_t now)
{
	unsigned __int128 ticks;

	/* far deadlines ("forever") would overflow the TSC conversion: wake
	 * early instead, callers re-check */
	if (deadline - now > MAX_SLEEP_NS)
		deadline = now + MAX_SLEEP_NS;
	if (mode == TIMER_DEADLINE) {
		kvm_lapic_timer_deadline_mode();
		wrmsr(X86_MSR_TSC_DEADLINE, kvm_tsc_at(deadline));
		return;
	}
	ticks = (unsigned __int128)(deadline - now) * lapic_hz / UKPLAT_NSEC_PER_SEC;
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

void ukplat_lcpu_halt_until(uint64_t deadline)
{
	unsigned long flags = ukarch_irq_save();
	uint64_t now = ukplat_monotonic_clock();

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

uint64_t ukplat_wall_clock(void)
{
	return boot_epoch_s * UKPLAT_NSEC_PER_SEC + ukplat_monotonic_clock();
}
