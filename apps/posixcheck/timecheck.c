/* SPDX-License-Identifier: BSD-3-Clause */
/* Clocks move forward, sleeps last at least as asked, the wall clock is plausible */
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long ns_of(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static long long mono_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return ns_of(&t);
}

int check_time(void)
{
	struct timespec rt = {0, 0}, req = {0, 20 * 1000000}, cpu1, cpu2;
	struct timeval tv;
	long long t0, t1;
	int fails = 0;
	time_t now;

	fails += check(!clock_gettime(CLOCK_REALTIME, &rt) && rt.tv_sec > 1600000000,
	               "time.realtime", "tv_sec %lld", (long long)rt.tv_sec);
	now = time(NULL);
	fails += check(now >= rt.tv_sec && now - rt.tv_sec < 5, "time.time", "%lld vs %lld",
	               (long long)now, (long long)rt.tv_sec);
	fails += check(!gettimeofday(&tv, NULL) && tv.tv_sec >= rt.tv_sec && tv.tv_usec < 1000000,
	               "time.gettimeofday", "%lld.%06ld", (long long)tv.tv_sec, (long)tv.tv_usec);

	t0 = mono_ns();
	nanosleep(&req, NULL);
	t1 = mono_ns();
	fails += check(t1 - t0 >= 20000000, "time.nanosleep_20ms", "slept %lld ns", t1 - t0);
	t0 = mono_ns();
	usleep(5000);
	t1 = mono_ns();
	fails += check(t1 - t0 >= 5000000, "time.usleep_5ms", "slept %lld ns", t1 - t0);

	/* an absolute deadline on the monotonic clock */
	clock_gettime(CLOCK_MONOTONIC, &req);
	req.tv_nsec += 10000000;
	if (req.tv_nsec >= 1000000000) {
		req.tv_sec++;
		req.tv_nsec -= 1000000000;
	}
	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL);
	fails += check(mono_ns() >= ns_of(&req), "time.clock_nanosleep_abs", "woke early");

	fails += check(!clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu1) &&
	                   !clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu2) &&
	                   ns_of(&cpu2) >= ns_of(&cpu1),
	               "time.cputime_clock", "not monotonic");
	fails += check(clock_gettime(12345, &rt) == -1, "time.bad_clock_einval", "accepted");
	return fails;
}
