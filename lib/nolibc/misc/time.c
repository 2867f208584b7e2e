/* SPDX-License-Identifier: BSD-3-Clause */
/* Clocks from the platform */
#include <time.h>
#include <sys/time.h>
#include <errno.h>
#include <uk/plat/time.h>
#include "sleep.h"

#define NSEC_PER_SEC 1000000000ULL

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	uint64_t ns;

	if (!ts) {
		errno = EFAULT;
		return -1;
	}
	if (clk == CLOCK_MONOTONIC) {
		ns = ukplat_monotonic_clock();
	} else if (clk == CLOCK_REALTIME) {
		ns = ukplat_wall_clock();
	} else {
		errno = EINVAL;
		return -1;
	}
	ts->tv_sec = (time_t)(ns / NSEC_PER_SEC);
	ts->tv_nsec = (long)(ns % NSEC_PER_SEC);
	return 0;
}

time_t time(time_t *t)
{
	time_t now = (time_t)(ukplat_wall_clock() / NSEC_PER_SEC);

	if (t)
		*t = now;
	return now;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (!req || req->tv_nsec < 0 || req->tv_nsec >= (long)NSEC_PER_SEC || req->tv_sec < 0) {
		errno = EINVAL;
		return -1;
	}
	__nolibc_sleep_ns((uint64_t)req->tv_sec * NSEC_PER_SEC + (uint64_t)req->tv_nsec);
	/* nothing interrupts a sleep here (no signals), so nothing remains */
	if (rem)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	uint64_t ns = ukplat_wall_clock();

	if (tz) {
		/* time zones are not kept; callers asking for one get an error, not zeros */
		errno = EINVAL;
		return -1;
	}
	if (tv) {
		tv->tv_sec = (time_t)(ns / NSEC_PER_SEC);
		tv->tv_usec = (suseconds_t)(ns % NSEC_PER_SEC / 1000);
	}
	return 0;
}
