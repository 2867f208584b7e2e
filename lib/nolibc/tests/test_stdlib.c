/* SPDX-License-Identifier: BSD-3-Clause */
/* stdlib.h on the real allocator, time.h and unistd.h on the real clock and scheduler */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <time.h>
#include <sys/time.h>
#include <inttypes.h>
#include <unistd.h>
#include <uk/test.h>

UK_TESTCASE(nolibc_stdlib, malloc_free_realloc)
{
	char *p = malloc(100), *q;

	UK_TEST_ASSERT(p != NULL);
	memset(p, 'a', 100);
	q = realloc(p, 5000);
	UK_TEST_ASSERT(q != NULL);
	UK_TEST_EXPECT_SNUM_EQ(q[99], 'a');
	free(q);
	free(NULL);
}

UK_TESTCASE(nolibc_stdlib, calloc_zeroes)
{
	unsigned char *p = calloc(64, 16);
	int i, nonzero = 0;

	UK_TEST_ASSERT(p != NULL);
	for (i = 0; i < 64 * 16; i++)
		nonzero |= p[i];
	UK_TEST_EXPECT_ZERO(nonzero);
	free(p);
}

UK_TESTCASE(nolibc_stdlib, posix_memalign_aligns)
{
	void *p = NULL;

	UK_TEST_EXPECT_ZERO(posix_memalign(&p, 256, 1000));
	UK_TEST_EXPECT_NOT_NULL(p);
	UK_TEST_EXPECT_ZERO((uintptr_t)p & 255);
	free(p);
	UK_TEST_EXPECT_SNUM_EQ(posix_memalign(&p, 3, 10), EINVAL);
}

UK_TESTCASE(nolibc_stdlib, malloc_huge_fails_cleanly)
{
	errno = 0;
	UK_TEST_EXPECT_NULL(malloc((size_t)1 << 40));
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
}

UK_TESTCASE(nolibc_stdlib, strtol_family)
{
	char *end;

	UK_TEST_EXPECT_SNUM_EQ(strtol(" -0x1f!", &end, 0), -31);
	UK_TEST_EXPECT_SNUM_EQ(*end, '!');
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(strtol("99999999999999999999", NULL, 10), LONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(errno, ERANGE);
	UK_TEST_EXPECT_UNUM_EQ(strtoul("0777", NULL, 0), 511);
	UK_TEST_EXPECT_SNUM_EQ(atoi("42abc"), 42);
	UK_TEST_EXPECT_SNUM_EQ(abs(-5), 5);
}

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

UK_TESTCASE(nolibc_stdlib, qsort_sorts)
{
	int v[] = {5, -1, 9, 0, 5, 3, 2};
	int i, sorted = 1;

	qsort(v, 7, sizeof(int), cmp);
	for (i = 1; i < 7; i++)
		sorted &= v[i - 1] <= v[i];
	UK_TEST_EXPECT(sorted);
}

static uint64_t ns_now(clockid_t c)
{
	struct timespec ts;

	if (clock_gettime(c, &ts))
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

UK_TESTCASE(nolibc_time, clocks)
{
	struct timespec ts;

	UK_TEST_EXPECT_SNUM_GT(ns_now(CLOCK_MONOTONIC), 0);
	/* the RTC of any VM we boot on is past 2020-01-01 */
	UK_TEST_EXPECT_SNUM_GT(ns_now(CLOCK_REALTIME) / 1000000000ULL, 1577836800);
	UK_TEST_EXPECT_SNUM_EQ(clock_gettime(42, &ts), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
}

UK_TESTCASE(nolibc_time, usleep_sleeps)
{
	uint64_t t0 = ns_now(CLOCK_MONOTONIC), dt;

	usleep(20000);
	dt = ns_now(CLOCK_MONOTONIC) - t0;
	UK_TEST_EXPECT_UNUM_GE(dt, 20000000ULL);
	/* generous bound for TCG on a loaded host, still catches a unit error */
	UK_TEST_EXPECT_UNUM_LT(dt, 2000000000ULL);
}

UK_TESTCASE(nolibc_time, gettimeofday_matches_realtime)
{
	struct timeval tv;
	uint64_t rt = ns_now(CLOCK_REALTIME) / 1000000000ULL;

	UK_TEST_ASSERT(gettimeofday(&tv, NULL) == 0);
	UK_TEST_EXPECT_SNUM_GE(tv.tv_sec, (long long)rt);
	UK_TEST_EXPECT_SNUM_LE(tv.tv_sec, (long long)rt + 1);
	UK_TEST_EXPECT_SNUM_LT(tv.tv_usec, 1000000);
	UK_TEST_EXPECT_SNUM_EQ(strtoimax("-12", NULL, 10), -12);
	UK_TEST_EXPECT_STR_EQ(PRIu64, "lu");
}
