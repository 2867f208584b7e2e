/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef NOLIBC_TIME_H
#define NOLIBC_TIME_H

#include <sys/types.h>

#define CLOCK_REALTIME  0
#define CLOCK_MONOTONIC 1

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

/* MONOTONIC: since boot; REALTIME: since the Unix epoch (RTC at boot) */
int clock_gettime(clockid_t clk, struct timespec *ts);
time_t time(time_t *t);
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif /* NOLIBC_TIME_H */
