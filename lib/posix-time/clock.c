/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The clocks. REALTIME is the platform's wall clock (RTC at boot plus the
 * monotonic clock). The CPU-time clocks have no accounting behind them on
 * one CPU with a cooperative scheduler, so they report the time since boot:
 * an upper bound of the CPU time used, and monotonic, which is what
 * programs measuring durations with them need.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/plat/time.h>
#include <uk/syscall.h>
#include "ptime.h"

/* the platform clock counts ns from the TSC */
#define CLOCK_RESOLUTION_NS 1

int posix_clock_read(long clk, uint64_t *ns)
{
	switch (clk) {
	case UK_CLOCK_REALTIME:
	case UK_CLOCK_REALTIME_COARSE:
		*ns = ukplat_wall_clock();
		return 0;
	case UK_CLOCK_MONOTONIC:
	case UK_CLOCK_MONOTONIC_RAW:
	case UK_CLOCK_MONOTONIC_COARSE:
	case UK_CLOCK_BOOTTIME:
	case UK_CLOCK_PROCESS_CPUTIME_ID:
	case UK_CLOCK_THREAD_CPUTIME_ID:
		*ns = ukplat_monotonic_clock();
		return 0;
	default:
		return -EINVAL;
	}
}

UK_SYSCALL_R_DEFINE(int, clock_gettime, long, clk, struct uk_timespec *, ts)
{
	uint64_t ns;
	int r;

	if (!ts)
		return -EFAULT;
	r = posix_clock_read(clk, &ns);
	if (r)
		return r;
	uk_timespec_set(ts, ns);
	return 0;
}

UK_SYSCALL_R_DEFINE(int, clock_getres, long, clk, struct uk_timespec *, ts)
{
	uint64_t ns;

	if (posix_clock_read(clk, &ns))
		return -EINVAL;
	if (ts)
		uk_timespec_set(ts, CLOCK_RESOLUTION_NS);
	return 0;
}

/* setting the clock needs a writable RTC the platform does not offer */
UK_SYSCALL_R_DEFINE(int, clock_settime, long, clk, const struct uk_timespec *, ts)
{
	(void)ts;
	return clk == UK_CLOCK_REALTIME ? -EPERM : -EINVAL;
}
