/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TSC calibration against the i8254 PIT (1.193182 MHz). Channel 0 runs as
 * a free-running rate generator and we add up how far its counter moved
 * while the TSC ran. Channel 0 rather than the usual channel 2: channel 2's
 * gate and output sit behind port 0x61, which QEMU's microvm lacks. IRQ 0
 * is masked (interrupts are off) during and after the measurement.
 *
 * The local APIC timer counts through the same window, so its rate costs
 * no second wait: it is measured against the TSC over the PIT's window.
 */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <kvm/intctrl.h>
#include <kvm/time.h>

#define PIT_HZ        1193182ULL
#define PIT_CH0       0x40
#define PIT_CMD       0x43
#define PIT_CH0_MODE2 0x34 /* channel 0, lobyte/hibyte, rate generator */
#define PIT_CH0_MODE0 0x30 /* channel 0, lobyte/hibyte, one-shot */
#define PIT_CH0_LATCH 0x00
/* a missing PIT reads as a counter that never moves: give up */
#define PIT_STUCK_READS 100000
#define PIT_WARMUP_US   100
#define LAPIC_FULL      0xffffffffU

static uint16_t pit_count(void)
{
	uint8_t lo, hi;

	outb(PIT_CMD, PIT_CH0_LATCH);
	lo = inb(PIT_CH0);
	hi = inb(PIT_CH0);
	return (uint16_t)(hi << 8 | lo);
}

/* Leaves channel 0 expired in one-shot mode: no periodic host timer */
static void pit_quiesce(void)
{
	outb(PIT_CMD, PIT_CH0_MODE0);
	outb(PIT_CH0, 1);
	outb(PIT_CH0, 0);
}

/* Waits until the PIT has counted `target` ticks from `prev`; the TSC read
 * right after the last counter read is the window's end. 0 when stuck. */
static uint64_t pit_wait(uint16_t prev, uint64_t target, uint64_t *pit_ticks)
{
	uint64_t elapsed = 0, t1 = rdtsc();
	unsigned int stuck = 0;
	uint16_t cur;

	while (elapsed < target) {
		cur = pit_count();
		t1 = rdtsc();
		if (cur == prev) {
			if (++stuck == PIT_STUCK_READS)
				return 0;
			continue;
		}
		stuck = 0;
		elapsed += (uint16_t)(prev - cur); /* counts down, wraps at 0 */
		prev = cur;
	}
	*pit_ticks = elapsed;
	return t1;
}

/* Reads the counter until it changes: the read that sees the new value is
 * within one loop pass of the PIT's tick edge. 0 when stuck. */
static int pit_edge(uint16_t *count)
{
	uint16_t first = pit_count(), cur;
	unsigned int stuck = 0;

	do {
		cur = pit_count();
		if (++stuck == PIT_STUCK_READS)
			return 0;
	} while (cur == first);
	*count = cur;
	return 1;
}

/* One window of `us` PIT time. Each counter read is paired with a TSC read
 * taken right after it, so both clocks are sampled at the same instants at
 * both ends; the LAPIC timer is started and read right after those. Both
 * ends sit at a tick edge of the PIT: a window starting at a random point
 * within a tick (838 ns) would read on average 419 ns short, a bias of
 * 400 ppm in a 1 ms window. */
static int pit_measure(unsigned int us, struct kvm_pit_window *w)
{
	uint64_t target = PIT_HZ * us / 1000000, t0, t1;
	int lapic = kvm_lapic_present();
	uint32_t left = 0;
	uint16_t prev;

	if (!target)
		return -1; /* a zero-length window (us below one PIT tick) */
	/* reload value 0 means 65536: the count wraps exactly like the
	 * 16-bit differences taken of it (0xffff would add a tick per wrap) */
	outb(PIT_CMD, PIT_CH0_MODE2);
	outb(PIT_CH0, 0);
	outb(PIT_CH0, 0);
	if (!pit_edge(&prev))
		return -1;
	t0 = rdtsc();
	if (lapic)
		kvm_lapic_timer_oneshot(LAPIC_FULL);
	t1 = pit_wait(prev, target, &w->pit_ticks);
	if (lapic) {
		left = kvm_lapic_timer_current();
		kvm_lapic_timer_stop();
	}
	if (!t1)
		return -1;
	w->tsc_ticks = t1 - t0;
	w->lapic_ticks = lapic ? LAPIC_FULL - left : 0;
	return 0;
}

int kvm_pit_window(unsigned int us, struct kvm_pit_window *w)
{
	struct kvm_pit_window warm;

	/* a first short round: under emulation (TCG) the first pass through
	 * new code is slow to translate and would skew the window's ends */
	if (pit_measure(PIT_WARMUP_US, &warm))
		return -1;
	if (pit_measure(us, w))
		return -1;
	pit_quiesce();
	return 0;
}

uint64_t kvm_pit_window_tsc_hz(const struct kvm_pit_window *w)
{
	if (!w->pit_ticks)
		return 0;
	return (uint64_t)((unsigned __int128)w->tsc_ticks * PIT_HZ / w->pit_ticks);
}
