/* SPDX-License-Identifier: BSD-3-Clause */
/* gettimeofday(2) and time(2): the wall clock in the old units */
#include <errno.h>
#include <stddef.h>
#include <uk/plat/time.h>
#include <uk/syscall.h>
#include "ptime.h"

UK_SYSCALL_R_DEFINE(int, gettimeofday, struct uk_timeval *, tv, void *, tz)
{
	uint64_t ns = ukplat_wall_clock();

	/* the time zone argument is obsolete: Linux zero-fills it */
	if (tz)
		((int *)tz)[0] = ((int *)tz)[1] = 0;
	if (tv) {
		tv->tv_sec = (long)(ns / UK_NSEC_PER_SEC);
		tv->tv_usec = (long)(ns % UK_NSEC_PER_SEC / 1000);
	}
	return 0;
}

UK_SYSCALL_R_DEFINE(long, time, long *, t)
{
	long now = (long)(ukplat_wall_clock() / UK_NSEC_PER_SEC);

	if (t)
		*t = now;
	return now;
}
