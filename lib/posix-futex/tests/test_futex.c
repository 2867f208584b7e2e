/* SPDX-License-Identifier: BSD-3-Clause */
/* Futex wait/wake/requeue between kernel threads */
#include <errno.h>
#include <uk/futex.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include <uk/thread.h>

#define FUTEX_WAIT    0
#define FUTEX_WAKE    1
#define FUTEX_REQUEUE 3

struct ts {
	long sec, nsec;
};

static uint32_t word, word2;
static int results[4];

static void waiter(void *arg)
{
	int i = (int)(long)arg;

	results[i] = uk_futex_wait(&word, 0, 0, ~0U) + 100;
}

UK_TESTCASE(posix_futex, value_mismatch_is_eagain)
{
	word = 5;
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_futex, (long)&word, FUTEX_WAIT, 4, 0, 0, 0),
	                       -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_futex, (long)&word + 1, FUTEX_WAIT, 5, 0, 0, 0),
	                       -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_futex, (long)&word, 77, 5, 0, 0, 0), -ENOSYS);
}

UK_TESTCASE(posix_futex, timeout_expires)
{
	struct ts t = {0, 10 * 1000 * 1000};
	uint64_t t0 = ukplat_monotonic_clock();

	word = 0;
	UK_TEST_EXPECT_SNUM_EQ(
	    uk_syscall(__NR_futex, (long)&word, FUTEX_WAIT | 128, 0, (long)&t, 0, 0), -ETIMEDOUT);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 >= 10 * 1000 * 1000);
	UK_TEST_EXPECT_SNUM_EQ(uk_futex_waiters(&word), 0);
}

UK_TESTCASE(posix_futex, wake_counts_and_order)
{
	struct uk_thread *t[3];
	long i;

	word = 0;
	for (i = 0; i < 3; i++) {
		results[i] = 0;
		t[i] = uk_thread_create("futex-waiter", waiter, (void *)i);
		UK_TEST_ASSERT(t[i] != NULL);
	}
	/* let the three block */
	uk_sched_yield();
	UK_TEST_EXPECT_SNUM_EQ(uk_futex_waiters(&word), 3);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_futex, (long)&word, FUTEX_WAKE, 2, 0, 0, 0), 2);
	for (i = 0; i < 3; i++)
		if (i < 2)
			uk_thread_join(t[i]);
	/* the two that waited longest were woken, with 0 */
	UK_TEST_EXPECT_SNUM_EQ(results[0], 100);
	UK_TEST_EXPECT_SNUM_EQ(results[1], 100);
	UK_TEST_EXPECT_SNUM_EQ(results[2], 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_futex, (long)&word, FUTEX_WAKE, 10, 0, 0, 0), 1);
	uk_thread_join(t[2]);
	UK_TEST_EXPECT_SNUM_EQ(results[2], 100);
}

UK_TESTCASE(posix_futex, requeue_moves_waiters)
{
	struct uk_thread *t[2];
	long i;

	word = 0;
	for (i = 0; i < 2; i++) {
		results[i] = 0;
		t[i] = uk_thread_create("futex-requeue", waiter, (void *)i);
		UK_TEST_ASSERT(t[i] != NULL);
	}
	uk_sched_yield();
	/* wake none, move both to word2 */
	UK_TEST_EXPECT_SNUM_EQ(
	    uk_syscall(__NR_futex, (long)&word, FUTEX_REQUEUE, 0, 2, (long)&word2, 0), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_futex_waiters(&word), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_futex_waiters(&word2), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_futex_wake(&word2, 2, ~0U), 2);
	for (i = 0; i < 2; i++)
		uk_thread_join(t[i]);
	UK_TEST_EXPECT(results[0] == 100 && results[1] == 100);
}
