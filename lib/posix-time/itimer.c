/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * alarm(2), setitimer(2)/getitimer(2) for ITIMER_REAL: a kernel thread
 * sleeps until the timer is due and sends SIGALRM to the process
 * (uk_posix_signal_post). ITIMER_VIRTUAL and ITIMER_PROF need CPU-time
 * accounting the scheduler does not have: -EINVAL with a warning.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/syscall.h>
#include <uk/thread.h>
#include "ptime.h"

#define ITIMER_REAL 0
#define SIGALRM     14

/* lib/posix-process, when present */
void uk_posix_signal_post(int sig) __attribute__((weak));

struct uk_itimerval {
	struct uk_timeval interval, value;
};

static uint64_t next_fire; /* monotonic ns, 0: disarmed */
static uint64_t period;    /* ns, 0: one shot */
static struct uk_thread *timer_thread;

static void fire(void)
{
	uint64_t now = ukplat_monotonic_clock();

	if (!period)
		next_fire = 0;
	else /* a late timer does not fire a burst to catch up */
		next_fire = next_fire + period > now ? next_fire + period : now + period;
	if (uk_posix_signal_post)
		uk_posix_signal_post(SIGALRM);
	else
		uk_pr_warn("SIGALRM due, but no signal support (lib/posix-process)\n");
}

static void timer_main(void *arg)
{
	(void)arg;
	for (;;) {
		if (!next_fire)
			uk_thread_block_until(0);
		else if (ukplat_monotonic_clock() < next_fire)
			uk_thread_block_until(next_fire);
		else
			fire();
	}
}

static uint64_t tv_ns(const struct uk_timeval *tv)
{
	return (uint64_t)tv->tv_sec * UK_NSEC_PER_SEC + (uint64_t)tv->tv_usec * 1000;
}

static void tv_set(struct uk_timeval *tv, uint64_t ns)
{
	tv->tv_sec = (long)(ns / UK_NSEC_PER_SEC);
	tv->tv_usec = (long)(ns % UK_NSEC_PER_SEC / 1000);
}

static void current(struct uk_itimerval *cur)
{
	uint64_t now = ukplat_monotonic_clock();

	tv_set(&cur->interval, period);
	/* a due timer reports a tiny remainder, not zero (zero means disarmed) */
	tv_set(&cur->value, next_fire ? (next_fire > now ? next_fire - now : 1000) : 0);
}

static int arm(uint64_t value, uint64_t interval)
{
	if (!timer_thread && value) {
		timer_thread = uk_thread_create("itimer", timer_main, NULL);
		if (!timer_thread)
			return -ENOMEM;
	}
	next_fire = value ? ukplat_monotonic_clock() + value : 0;
	period = value ? interval : 0;
	if (timer_thread)
		uk_thread_wake(timer_thread);
	return 0;
}

static int tv_valid(const struct uk_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000;
}

UK_SYSCALL_R_DEFINE(int, setitimer, int, which, const struct uk_itimerval *, new,
                    struct uk_itimerval *, old)
{
	if (which != ITIMER_REAL) {
		uk_pr_warn("setitimer: only ITIMER_REAL is supported (asked for %d)\n", which);
		return -EINVAL;
	}
	if (new && (!tv_valid(&new->value) || !tv_valid(&new->interval)))
		return -EINVAL;
	if (old)
		current(old);
	return new ? arm(tv_ns(&new->value), tv_ns(&new->interval)) : 0;
}

UK_SYSCALL_R_DEFINE(int, getitimer, int, which, struct uk_itimerval *, cur)
{
	if (which != ITIMER_REAL)
		return -EINVAL;
	if (!cur)
		return -EFAULT;
	current(cur);
	return 0;
}

/* the seconds that were left (rounded up), 0 if none */
UK_SYSCALL_R_DEFINE(unsigned int, alarm, unsigned int, seconds)
{
	struct uk_itimerval cur;
	unsigned int left;

	current(&cur);
	left = (unsigned int)cur.value.tv_sec + (cur.value.tv_usec ? 1 : 0);
	if (arm((uint64_t)seconds * UK_NSEC_PER_SEC, 0))
		return 0;
	return left;
}
