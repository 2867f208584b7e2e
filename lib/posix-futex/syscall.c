/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * futex(2). Every futex is private here (one address space), so
 * FUTEX_PRIVATE_FLAG changes nothing. Timeouts: relative for FUTEX_WAIT,
 * absolute for FUTEX_WAIT_BITSET (CLOCK_MONOTONIC, or CLOCK_REALTIME with
 * FUTEX_CLOCK_REALTIME).
 */
#include <errno.h>
#include <stdint.h>
#include <time.h>
#include <uk/futex.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/syscall.h>

#define FUTEX_WAIT           0
#define FUTEX_WAKE           1
#define FUTEX_REQUEUE        3
#define FUTEX_CMP_REQUEUE    4
#define FUTEX_WAIT_BITSET    9
#define FUTEX_WAKE_BITSET    10
#define FUTEX_PRIVATE_FLAG   128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_CMD_MASK       (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define NSEC_PER_SEC         1000000000ULL

static int ts_valid(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && (uint64_t)ts->tv_nsec < NSEC_PER_SEC;
}

static uint64_t ts_ns(const struct timespec *ts)
{
	return (uint64_t)ts->tv_sec * NSEC_PER_SEC + (uint64_t)ts->tv_nsec;
}

/* the monotonic deadline of a wait, 1 when it is already over; 0 = none */
static int wait_deadline(const struct timespec *ts, int absolute, int realtime, uint64_t *out)
{
	uint64_t now = ukplat_monotonic_clock();
	uint64_t t;

	*out = 0;
	if (!ts)
		return 0;
	if (!ts_valid(ts))
		return -EINVAL;
	t = ts_ns(ts);
	if (absolute && realtime) {
		uint64_t wall = ukplat_wall_clock();

		t = t > wall ? now + (t - wall) : now;
	} else if (!absolute) {
		t += now;
	}
	*out = t ? t : 1;
	return 0;
}

static long futex_wait(uint32_t *uaddr, int op, uint32_t val, const struct timespec *ts,
                       uint32_t bitset)
{
	int cmd = op & FUTEX_CMD_MASK;
	uint64_t deadline;
	int r;

	r = wait_deadline(ts, cmd == FUTEX_WAIT_BITSET, !!(op & FUTEX_CLOCK_REALTIME), &deadline);
	if (r)
		return r;
	return uk_futex_wait(uaddr, val, deadline, cmd == FUTEX_WAIT ? ~0U : bitset);
}

UK_SYSCALL_R_DEFINE(long, futex, uint32_t *, uaddr, int, op, uint32_t, val, const struct timespec *,
                    timeout, uint32_t *, uaddr2, uint32_t, val3)
{
	/* for the requeue operations the "timeout" argument is a count */
	long val2 = (long)timeout;

	if (!uaddr || ((uintptr_t)uaddr & 3))
		return -EINVAL;
	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, op, val, timeout, val3);
	case FUTEX_WAKE:
		return uk_futex_wake(uaddr, (int)val, ~0U);
	case FUTEX_WAKE_BITSET:
		return val3 ? uk_futex_wake(uaddr, (int)val, val3) : -EINVAL;
	case FUTEX_CMP_REQUEUE:
		if (__atomic_load_n(uaddr, __ATOMIC_SEQ_CST) != val3)
			return -EAGAIN;
		/* fall through */
	case FUTEX_REQUEUE:
		if (!uaddr2 || ((uintptr_t)uaddr2 & 3) || (int)val < 0 || val2 < 0)
			return -EINVAL;
		return uk_futex_requeue(uaddr, (int)val, uaddr2, (int)val2);
	default:
		uk_pr_warn("futex operation %d not supported\n", op & FUTEX_CMD_MASK);
		return -ENOSYS;
	}
}
