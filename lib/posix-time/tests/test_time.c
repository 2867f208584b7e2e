/* SPDX-License-Identifier: BSD-3-Clause */
/* Clocks and sleeps through the system call table */
#include <errno.h>
#include <uk/plat/time.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include "ptime.h"

static long sys(long nr, long a, long b, long c, long d)
{
	return uk_syscall(nr, a, b, c, d, 0, 0);
}

static uint64_t mono_ns(void)
{
	struct uk_timespec ts;

	sys(__NR_clock_gettime, UK_CLOCK_MONOTONIC, (long)&ts, 0, 0);
	return uk_timespec_ns(&ts);
}

UK_TESTCASE(posix_time, monotonic_never_goes_back)
{
	uint64_t prev = mono_ns(), now;
	int i, back = 0;

	for (i = 0; i < 1000; i++) {
		now = mono_ns();
		back += now < prev;
		prev = now;
	}
	UK_TEST_EXPECT_SNUM_EQ(back, 0);
	UK_TEST_EXPECT(prev > 0);
}

UK_TESTCASE(posix_time, realtime_is_the_wall_clock)
{
	struct uk_timespec ts;
	struct uk_timeval tv;
	long t;

	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_clock_gettime, UK_CLOCK_REALTIME, (long)&ts, 0, 0), 0);
	/* after 2020-09-13: the RTC was read */
	UK_TEST_EXPECT(ts.tv_sec > 1600000000);
	UK_TEST_EXPECT((uint64_t)ts.tv_nsec < UK_NSEC_PER_SEC);
	t = sys(__NR_time, 0, 0, 0, 0);
	UK_TEST_EXPECT(t >= ts.tv_sec && t - ts.tv_sec < 3);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_gettimeofday, (long)&tv, 0, 0, 0), 0);
	UK_TEST_EXPECT(tv.tv_sec >= ts.tv_sec && tv.tv_usec >= 0 && tv.tv_usec < 1000000);
}

UK_TESTCASE(posix_time, cpu_clocks_and_resolution)
{
	struct uk_timespec a, b, res = {-1, -1};

	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_clock_gettime, UK_CLOCK_PROCESS_CPUTIME_ID, (long)&a, 0, 0),
	                       0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_clock_gettime, UK_CLOCK_THREAD_CPUTIME_ID, (long)&b, 0, 0),
	                       0);
	UK_TEST_EXPECT(uk_timespec_ns(&b) >= uk_timespec_ns(&a));
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_clock_getres, UK_CLOCK_MONOTONIC, (long)&res, 0, 0), 0);
	UK_TEST_EXPECT(res.tv_sec == 0 && res.tv_nsec > 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_clock_gettime, 99, (long)&a, 0, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_clock_gettime, UK_CLOCK_MONOTONIC, 0, 0, 0), -EFAULT);
}

UK_TESTCASE(posix_time, nanosleep_lasts_at_least_the_request)
{
	struct uk_timespec req = {0, 15 * 1000 * 1000}, rem = {5, 5};
	uint64_t t0 = ukplat_monotonic_clock(), t1;

	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_nanosleep, (long)&req, (long)&rem, 0, 0), 0);
	t1 = ukplat_monotonic_clock();
	UK_TEST_EXPECT(t1 - t0 >= 15 * 1000 * 1000);
	UK_TEST_EXPECT(rem.tv_sec == 0 && rem.tv_nsec == 0);
	req.tv_nsec = 1000000000;
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_nanosleep, (long)&req, 0, 0, 0), -EINVAL);
	req.tv_sec = -1;
	req.tv_nsec = 0;
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_nanosleep, (long)&req, 0, 0, 0), -EINVAL);
}

UK_TESTCASE(posix_time, clock_nanosleep_absolute)
{
	struct uk_timespec when;
	uint64_t deadline = ukplat_monotonic_clock() + 10 * 1000 * 1000, t0;

	uk_timespec_set(&when, deadline);
	UK_TEST_EXPECT_SNUM_EQ(
	    sys(__NR_clock_nanosleep, UK_CLOCK_MONOTONIC, UK_TIMER_ABSTIME, (long)&when, 0), 0);
	UK_TEST_EXPECT(ukplat_monotonic_clock() >= deadline);
	/* a deadline in the past returns at once */
	uk_timespec_set(&when, 1);
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT_SNUM_EQ(
	    sys(__NR_clock_nanosleep, UK_CLOCK_MONOTONIC, UK_TIMER_ABSTIME, (long)&when, 0), 0);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 < 5 * 1000 * 1000);
	UK_TEST_EXPECT_SNUM_EQ(
	    sys(__NR_clock_nanosleep, UK_CLOCK_THREAD_CPUTIME_ID, 0, (long)&when, 0), -EINVAL);
}
