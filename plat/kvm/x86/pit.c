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
/* read-back command: latch channel 0's status only (bit 7 = OUT pin) */
#define PIT_CH0_STATUS 0xe2
#define PIT_STATUS_OUT 0x80
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
	w->lapic_tsc_ticks = w->tsc_ticks;
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

/* The next tick edge: the counter value that shows it and the TSC read
 * right after that read, inside the loop (under TCG code reached for the
 * first time after the read would be translated before the TSC read, some
 * µs late). 0, or -1 when stuck. Not inlined: every call must run the
 * same code for the warm-up calls to help. */
static __attribute__((noinline)) int pit_edge_tsc(uint16_t *count, uint64_t *tsc)
{
	uint16_t first = pit_count(), cur;
	unsigned int stuck = 0;
	uint64_t t;

	do {
		cur = pit_count();
		t = rdtsc();
		if (++stuck == PIT_STUCK_READS)
			return -1;
	} while (cur == first);
	*count = cur;
	*tsc = t;
	return 0;
}

/* OUT of the one-shot count started by kvm_pit_span_begin() went high:
 * 65536 ticks passed, so the 16-bit counter may have wrapped */
static int pit_wrapped(void)
{
	outb(PIT_CMD, PIT_CH0_STATUS);
	return inb(PIT_CH0) & PIT_STATUS_OUT;
}

int kvm_pit_span_begin(struct kvm_pit_span *s)
{
	uint16_t count;
	uint64_t tsc;

	/* one-shot from 65536: the counter keeps counting down and wrapping
	 * while OUT, once high, stays high, which tells the end whether the
	 * span outgrew the 16-bit counter (55 ms) */
	outb(PIT_CMD, PIT_CH0_MODE0);
	outb(PIT_CH0, 0);
	outb(PIT_CH0, 0);
	/* the first edge gets the code translated (TCG); the second one's
	 * counter and TSC reads then run back to back */
	if (pit_edge_tsc(&count, &tsc) || pit_edge_tsc(&count, &tsc))
		return -1;
	s->pit_start = count;
	s->tsc_start = tsc;
	s->lapic = 0;
	return 0;
}

/* The LAPIC timer's start and end, each with the TSC read right after it.
 * Called twice each, for the same reason as the PIT edges: the second
 * call runs translated code (TCG), so the two reads follow each other
 * closely; not inlined, so both calls run the same code. */
static __attribute__((noinline)) uint64_t lapic_start_tsc(void)
{
	kvm_lapic_timer_oneshot(LAPIC_FULL);
	return rdtsc();
}

static __attribute__((noinline)) uint64_t lapic_read_tsc(uint32_t *left)
{
	*left = kvm_lapic_timer_current();
	return rdtsc();
}

void kvm_pit_span_lapic_start(struct kvm_pit_span *s)
{
	if (!kvm_lapic_present())
		return;
	lapic_start_tsc();
	s->lapic_tsc_start = lapic_start_tsc();
	s->lapic = 1;
}

static void span_lapic_end(const struct kvm_pit_span *s, struct kvm_pit_window *w)
{
	uint32_t left;
	uint64_t tsc;

	w->lapic_ticks = 0;
	w->lapic_tsc_ticks = 0;
	if (!s->lapic)
		return;
	lapic_read_tsc(&left);
	tsc = lapic_read_tsc(&left);
	kvm_lapic_timer_stop();
	if (!left)
		return; /* expired: the span is unknown */
	w->lapic_ticks = LAPIC_FULL - left;
	w->lapic_tsc_ticks = tsc - s->lapic_tsc_start;
}

int kvm_pit_span_end(const struct kvm_pit_span *s, unsigned int min_us, struct kvm_pit_window *w)
{
	uint64_t target = PIT_HZ * min_us / 1000000, ticks = 0, tsc = 0;
	uint16_t prev = s->pit_start, cur;
	unsigned int edges = 0;

	/* at least two edges, so the last counter/TSC pair ran translated;
	 * then on until the span is min_us long */
	do {
		if (pit_edge_tsc(&cur, &tsc))
			return -1;
		ticks += (uint16_t)(prev - cur); /* counts down, wraps at 0 */
		prev = cur;
	} while (++edges < 2 || ticks < target);
	span_lapic_end(s, w);
	if (pit_wrapped()) {
		pit_quiesce();
		return -1;
	}
	pit_quiesce();
	w->pit_ticks = ticks;
	w->tsc_ticks = tsc - s->tsc_start;
	return 0;
}

void kvm_pit_busy_wait(unsigned int us)
{
	uint64_t ticks;

	pit_wait(pit_count(), PIT_HZ * us / 1000000, &ticks);
}
