/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef NOLIBC_SYS_TIME_H
#define NOLIBC_SYS_TIME_H

#include <sys/types.h>

struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};

/* the wall clock (CLOCK_REALTIME); tz must be NULL */
int gettimeofday(struct timeval *restrict tv, void *restrict tz);

#endif /* NOLIBC_SYS_TIME_H */
