/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TSC calibration against the i8254 PIT (1.193182 MHz). Channel 0 runs as
 * a free-running rate generator and we add up how far its counter moved
 * while the TSC ran. Channel 0 rather than the usual channel 2: channel 2's
 * gate and output sit behind port 0x61, which QEMU's microvm lacks. IRQ 0
 * is masked (interrupts are off) during and after the measurement.
 */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <kvm/time.h>

#define PIT_HZ        1193182ULL
#define PIT_CH0       0x40
#define PIT_CMD       0x43
#define PIT_CH0_MODE2 0x34 /* channel 0, lobyte/hibyte, rate generator */
#define PIT_CH0_MODE0 0x30 /* channel 0, lobyte/hibyte, one-shot */
#define PIT_CH0_LATCH 0x00
/* a missing PIT reads as a counter that never moves: give up */
#define PIT_STUCK_READS 100000
#define PIT_WARMUP_US   200

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

/* TSC ticks per second over `us` of PIT time. Each counter read is paired
 * with a TSC read taken right after it, so the two clocks are sampled at
 * the same instants at both ends of the window. */
static uint64_t pit_measure(unsigned int us)
{
	uint64_t target = PIT_HZ * us / 1000000, elapsed = 0;
	uint64_t t0, t1;
	uint16_t prev, cur;
	unsigned int stuck = 0;

	outb(PIT_CMD, PIT_CH0_MODE2);
	outb(PIT_CH0, 0xff);
	outb(PIT_CH0, 0xff);
	prev = pit_count();
	t0 = rdtsc();
	t1 = t0;
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
	if (!elapsed)
		return 0; /* a zero-length window (us below one PIT tick) */
	return (t1 - t0) * PIT_HZ / elapsed;
}

uint64_t kvm_pit_tsc_hz(unsigned int us)
{
	uint64_t hz;

	/* a first short round: under emulation (TCG) the first pass through
	 * new code is slow to translate and would skew the window's ends */
	if (!pit_measure(PIT_WARMUP_US))
		return 0;
	hz = pit_measure(us);
	pit_quiesce();
	return hz;
}
