/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sleeping blocks the thread in the scheduler until a monotonic deadline.
 * A timer signal (posix-process: uk_posix_signal_post) ends the sleep early
 * with -EINTR and the time that was left.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/thread.h>
#include <uk/syscall.h>
#include "ptime.h"

/* lib/posix-process, when present: signals interrupt sleeps */
int uk_posix_take_interrupt(void) __attribute__((weak));

/* sleeps until deadline (monotonic) unless a signal comes first: 0 or -EINTR */
static int sleep_interruptible(uint64_t deadline)
{
	if (uk_posix_take_interrupt)
		uk_posix_take_interrupt();
	while (ukplat_monotonic_clock() < deadline) {
		if (uk_posix_take_interrupt && uk_posix_take_interrupt())
			return -EINTR;
		uk_thread_block_until(deadline);
	}
	return 0;
}

/* a realtime deadline converted to the monotonic clock the scheduler uses */
static uint64_t monotonic_deadline(long clk, uint64_t when)
{
	uint64_t now_mono = ukplat_monotonic_clock();
	uint64_t now;

	if (clk != UK_CLOCK_REALTIME)
		return when;
	now = ukplat_wall_clock();
	return when > now ? now_mono + (when - now) : now_mono;
}

static int sleep_on(long clk, int flags, const struct uk_timespec *req, struct uk_timespec *rem)
{
	uint64_t dummy, deadline;

	if (!req)
		return -EFAULT;
	if (!uk_timespec_valid(req))
		return -EINVAL;
	if (posix_clock_read(clk, &dummy))
		return -EINVAL;
	if (clk == UK_CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL; /* Linux refuses this one too */
	if (flags & UK_TIMER_ABSTIME)
		deadline = monotonic_deadline(clk, uk_timespec_ns(req));
	else
		deadline = ukplat_monotonic_clock() + uk_timespec_ns(req);
	if (sleep_interruptible(deadline)) {
		uint64_t now = ukplat_monotonic_clock();

		if (rem && !(flags & UK_TIMER_ABSTIME))
			uk_timespec_set(rem, deadline > now ? deadline - now : 0);
		return -EINTR;
	}
	if (rem && !(flags & UK_TIMER_ABSTIME))
		uk_timespec_set(rem, 0);
	return 0;
}

UK_SYSCALL_R_DEFINE(int, nanosleep, const struct uk_timespec *, req, struct uk_timespec *, rem)
{
	return sleep_on(UK_CLOCK_MONOTONIC, 0, req, rem);
}

/* returns the error instead of setting errno, as the C function does */
UK_SYSCALL_R_DEFINE(int, clock_nanosleep, long, clk, int, flags, const struct uk_timespec *, req,
                    struct uk_timespec *, rem)
{
	return sleep_on(clk, flags, req, rem);
}
