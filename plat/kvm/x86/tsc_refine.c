/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Refines a PIT-calibrated TSC frequency while the system runs. The boot
 * calibration is short (about 1 ms, a few hundred ppm off: seconds of drift
 * per hour); the RTC's update-ended interrupt marks each seconds edge of a
 * clock that does not drift against real time. The TSC value at the first
 * edge and at an edge n seconds later give the frequency with an error of
 * (interrupt latency jitter) / n, so the estimate is replaced at n = 1, 2,
 * 4 ... REFINE_LAST_S seconds, after which the interrupt is switched off.
 * Elapsed seconds come from the RTC's own time registers, so edges missed
 * while interrupts were off do not miscount.
 *
 * It starts after boot, not during it: registering the RTC line reads the
 * ACPI tables and sets up the I/O APIC (~0.5 ms of a TCG boot). The
 * first halt_until() starts it, or the timer interrupt that boot arms
 * KVM_BOOT_KICK_NS ahead (kvm_timer_kick()), for a guest that never idles.
 *
 * Runs in interrupt context: general-purpose registers only (Makefile.uk),
 * so the CMOS accessors here are its own.
 */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/irq.h>
#include <kvm/printk.h>
#include <kvm/time.h>

#define RTC_IRQ       8
#define CMOS_INDEX    0x70
#define CMOS_DATA     0x71
#define CMOS_NMI_OFF  0x80
#define RTC_SEC       0x00
#define RTC_MIN       0x02
#define RTC_HOUR      0x04
#define RTC_STATUS_B  0x0b
#define RTC_STATUS_C  0x0c
#define STB_UIE       0x10 /* update-ended interrupt enable */
#define STB_24H       0x02
#define STB_BINARY    0x04
#define STC_UF        0x10 /* an update ended */
#define HOUR_PM       0x80
#define SECS_PER_DAY  86400U
#define REFINE_LAST_S 256U
/* a sample this far from the boot estimate is a late interrupt (or a
 * changed RTC), not a better measurement: the PIT window is within 0.2% */
#define MAX_STEP_PPM 30000U
/* boot to the refinement's start when nothing idles before */

static uint64_t edge0_tsc;
static unsigned int edge0_sod;
static int have_edge0;
static unsigned int next_s = 1;
static uint64_t boot_hz;
static int pending; /* wanted, not started yet */

static unsigned int cmos_read(unsigned int reg)
{
	outb(CMOS_INDEX, (uint8_t)(CMOS_NMI_OFF | reg));
	return inb(CMOS_DATA);
}

static void cmos_write(unsigned int reg, unsigned int v)
{
	outb(CMOS_INDEX, (uint8_t)(CMOS_NMI_OFF | reg));
	outb(CMOS_DATA, (uint8_t)v);
}

static unsigned int rtc_field(unsigned int raw, unsigned int status_b)
{
	return (status_b & STB_BINARY) ? raw : (raw & 0x0f) + (raw >> 4) * 10;
}

/* Seconds since midnight. Right after the update-ended interrupt the time
 * registers are stable for almost a second, so one read suffices. */
static unsigned int rtc_seconds_of_day(void)
{
	unsigned int b = cmos_read(RTC_STATUS_B), hr = cmos_read(RTC_HOUR);
	unsigned int h = rtc_field(hr & ~HOUR_PM, b);

	if (!(b & STB_24H))
		h = h % 12 + ((hr & HOUR_PM) ? 12 : 0);
	return h * 3600 + rtc_field(cmos_read(RTC_MIN), b) * 60 + rtc_field(cmos_read(RTC_SEC), b);
}

static void rtc_uie(int on)
{
	unsigned int b = cmos_read(RTC_STATUS_B);

	cmos_write(RTC_STATUS_B, on ? (b | STB_UIE) : (b & ~STB_UIE));
	cmos_read(RTC_STATUS_C); /* drops a stale flag (and the IRQ line) */
}

static int plausible(uint64_t hz, uint64_t ref)
{
	uint64_t d = hz > ref ? hz - ref : ref - hz;

	return d <= ref / 1000000 * MAX_STEP_PPM;
}

static void sample(uint64_t tsc, unsigned int n)
{
	uint64_t hz = (tsc - edge0_tsc) / n;

	while (next_s <= n)
		next_s *= 2;
	if (!plausible(hz, boot_hz)) {
		kvm_debug("TSC refinement: %lu Hz over %u s rejected\n", hz, n);
		return;
	}
	kvm_tsc_set_hz(hz);
	kvm_debug("TSC refined against the RTC: %lu Hz over %u s (boot estimate %lu Hz)\n", hz, n,
	          boot_hz);
	if (n >= REFINE_LAST_S)
		rtc_uie(0);
}

static int rtc_edge(void *arg)
{
	uint64_t tsc = rdtsc();
	unsigned int sod, n;

	(void)arg;
	if (!(cmos_read(RTC_STATUS_C) & STC_UF))
		return 1; /* our line, raised before the flag was dropped */
	sod = rtc_seconds_of_day();
	if (!have_edge0) {
		edge0_tsc = tsc;
		edge0_sod = sod;
		have_edge0 = 1;
		return 1;
	}
	n = (sod + SECS_PER_DAY - edge0_sod) % SECS_PER_DAY;
	if (n >= next_s)
		sample(tsc, n);
	return 1;
}

void kvm_tsc_refine_prepare(void)
{
	if (!kvm_tsc_pit_window())
		return; /* the frequency came from CPUID or the hypervisor */
	boot_hz = kvm_tsc_hz();
	pending = 1;
}

/* With interrupts off (halt_until, the timer interrupt) */
void kvm_tsc_refine_start(void)
{
	int rc;

	if (!pending)
		return;
	pending = 0;
	rc = ukplat_irq_register(RTC_IRQ, rtc_edge, NULL);
	if (rc) {
		kvm_warn("no RTC interrupt (%d): TSC frequency stays the boot estimate\n", rc);
		return;
	}
	rtc_uie(1);
}
