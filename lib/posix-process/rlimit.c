/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Resource limits: recorded and reported, so programs that size
 * themselves from them (stack, open files) see sensible values. The
 * kernel enforces none of them.
 */
#include <errno.h>
#include <stdint.h>
#include <uk/syscall.h>
#include "process.h"

#define RLIM_NLIMITS      16
#define RLIM_INFINITY     (~0ULL)
#define RLIMIT_STACK      3
#define RLIMIT_CORE       4
#define RLIMIT_NOFILE     7
#define RLIMIT_NPROC      6
#define RLIMIT_MEMLOCK    8
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE   12

struct uk_rlimit {
	uint64_t cur, max;
};

#define INF                                                                                        \
	{                                                                                          \
		RLIM_INFINITY, RLIM_INFINITY                                                       \
	}

/* indexed by RLIMIT_CPU (0) .. RLIMIT_RTTIME (15) */
static struct uk_rlimit limits[RLIM_NLIMITS] = {
    INF,
    INF,
    INF,
    /* what Linux reports; musl's threads use their own 128 KiB default */
    [RLIMIT_STACK] = {8UL << 20, RLIM_INFINITY},
    [RLIMIT_CORE] = {0, RLIM_INFINITY},
    INF,
    [RLIMIT_NPROC] = {1024, 1024},
    [RLIMIT_NOFILE] = {1024, 4096},
    [RLIMIT_MEMLOCK] = {64UL << 10, 64UL << 10},
    INF,
    INF,
    [RLIMIT_SIGPENDING] = {64, 64},
    [RLIMIT_MSGQUEUE] = {800UL << 10, 800UL << 10},
    {0, 0},
    {0, 0},
    INF,
};

static int prlimit(int pid, unsigned int res, const struct uk_rlimit *new, struct uk_rlimit *old)
{
	if (pid != 0 && pid != UK_POSIX_PID)
		return -ESRCH;
	if (res >= RLIM_NLIMITS)
		return -EINVAL;
	if (new &&new->cur > new->max)
		return -EINVAL;
	if (old)
		*old = limits[res];
	if (new)
		limits[res] = *new;
	return 0;
}

UK_SYSCALL_R_DEFINE(int, getrlimit, unsigned int, res, struct uk_rlimit *, rl)
{
	return rl ? prlimit(0, res, NULL, rl) : -EFAULT;
}

UK_SYSCALL_R_DEFINE(int, setrlimit, unsigned int, res, const struct uk_rlimit *, rl)
{
	return rl ? prlimit(0, res, rl, NULL) : -EFAULT;
}

UK_SYSCALL_R_DEFINE(int, prlimit64, int, pid, unsigned int, res, const struct uk_rlimit *, new,
                    struct uk_rlimit *, old)
{
	return prlimit(pid, res, new, old);
}
