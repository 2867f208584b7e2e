/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared by the files of lib/posix-time (Linux x86_64 ABI layouts) */
#ifndef POSIX_TIME_H
#define POSIX_TIME_H

#include <stdint.h>

#define UK_CLOCK_REALTIME           0
#define UK_CLOCK_MONOTONIC          1
#define UK_CLOCK_PROCESS_CPUTIME_ID 2
#define UK_CLOCK_THREAD_CPUTIME_ID  3
#define UK_CLOCK_MONOTONIC_RAW      4
#define UK_CLOCK_REALTIME_COARSE    5
#define UK_CLOCK_MONOTONIC_COARSE   6
#define UK_CLOCK_BOOTTIME           7
#define UK_TIMER_ABSTIME            1
#define UK_NSEC_PER_SEC             1000000000ULL

struct uk_timespec {
	long tv_sec;
	long tv_nsec;
};

struct uk_timeval {
	long tv_sec;
	long tv_usec;
};

/* the clock's reading in ns: 0, or -EINVAL for an unknown clock */
int posix_clock_read(long clk, uint64_t *ns);

static inline int uk_timespec_valid(const struct uk_timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && (uint64_t)ts->tv_nsec < UK_NSEC_PER_SEC;
}

static inline uint64_t uk_timespec_ns(const struct uk_timespec *ts)
{
	return (uint64_t)ts->tv_sec * UK_NSEC_PER_SEC + (uint64_t)ts->tv_nsec;
}

static inline void uk_timespec_set(struct uk_timespec *ts, uint64_t ns)
{
	ts->tv_sec = (long)(ns / UK_NSEC_PER_SEC);
	ts->tv_nsec = (long)(ns % UK_NSEC_PER_SEC);
}

#endif
