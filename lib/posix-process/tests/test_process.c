/* SPDX-License-Identifier: BSD-3-Clause */
/* Identity, limits, signals and clone() through the system call table */
#include <errno.h>
#include <string.h>
#include <uk/futex.h>
#include <uk/process.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include "process.h"
#include "sigstate.h"

#define SIGUSR1     10
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1

static long sys(long nr, long a, long b, long c, long d)
{
	return uk_syscall(nr, a, b, c, d, 0, 0);
}

UK_TESTCASE(posix_process, identity)
{
	unsigned int r = 9, e = 9, s = 9;

	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_getpid, 0, 0, 0, 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_getppid, 0, 0, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_getuid, 0, 0, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_getresuid, (long)&r, (long)&e, (long)&s, 0), 0);
	UK_TEST_EXPECT(r == 0 && e == 0 && s == 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_setuid, 0, 0, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_setuid, 1000, 0, 0, 0), -EPERM);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_getpgid, 42, 0, 0, 0), -ESRCH);
	UK_TEST_EXPECT(sys(__NR_gettid, 0, 0, 0, 0) >= 1);
}

UK_TESTCASE(posix_process, uname)
{
	char u[6][65];

	memset(u, 'x', sizeof(u));
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_uname, (long)u, 0, 0, 0), 0);
	UK_TEST_EXPECT_STR_EQ(u[0], "Unikit");
	UK_TEST_EXPECT_STR_EQ(u[4], "x86_64");
	UK_TEST_EXPECT_STR_EQ(u[1], CONFIG_LIBPOSIX_PROCESS_HOSTNAME);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_uname, 0, 0, 0, 0), -EFAULT);
}

UK_TESTCASE(posix_process, rlimits)
{
	uint64_t rl[2], old[2];

	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_getrlimit, 7 /* NOFILE */, (long)rl, 0, 0), 0);
	UK_TEST_EXPECT(rl[0] > 0 && rl[0] <= rl[1]);
	memcpy(old, rl, sizeof(rl));
	rl[0] = rl[1] + 1;
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_setrlimit, 7, (long)rl, 0, 0), -EINVAL);
	rl[0] = 64;
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_prlimit64, 0, 7, (long)rl, (long)old), 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_getrlimit, 7, (long)rl, 0, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(rl[0], 64);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_prlimit64, 0, 7, (long)old, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_getrlimit, 99, (long)rl, 0, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_prlimit64, 5, 7, 0, (long)rl), -ESRCH);
}

static int handled;
static void on_usr1(int sig)
{
	handled += sig == SIGUSR1;
}

UK_TESTCASE(posix_process, kill_self_runs_handler_masks_defer)
{
	struct uk_ksigaction sa = {(uintptr_t)on_usr1, 0, 0, 0}, old;
	uint64_t set = sig_bit(SIGUSR1);

	handled = 0;
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_rt_sigaction, SIGUSR1, (long)&sa, (long)&old, 8), 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_kill, 1, SIGUSR1, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(handled, 1);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_rt_sigprocmask, SIG_BLOCK, (long)&set, 0, 8), 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_kill, 0, SIGUSR1, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(handled, 1);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_rt_sigprocmask, SIG_UNBLOCK, (long)&set, 0, 8), 0);
	UK_TEST_EXPECT_SNUM_EQ(handled, 2);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_kill, 77, SIGUSR1, 0, 0), -ESRCH);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_kill, 1, 65, 0, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_rt_sigaction, 9 /* KILL */, (long)&sa, 0, 8), -EINVAL);
	sys(__NR_rt_sigaction, SIGUSR1, (long)&old, 0, 8);
}

UK_TESTCASE(posix_process, fork_and_exec_refused)
{
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_fork, 0, 0, 0, 0), -ENOSYS);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_execve, (long)"/bin/sh", 0, 0, 0), -ENOSYS);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_clone, 0x11 /* SIGCHLD: a fork */, 0, 0, 0), -ENOSYS);
}

static int clone_ran_tid;
static unsigned long clone_tls_seen;

static int clone_fn(void *arg)
{
	clone_ran_tid = (int)sys(__NR_gettid, 0, 0, 0, 0);
	clone_tls_seen = (unsigned long)arg == 1 ? 0 : 1;
	sys(__NR_arch_prctl, 0x1003 /* GET_FS */, (long)&clone_tls_seen, 0, 0);
	return 0;
}

UK_TESTCASE(posix_process, clone_runs_on_given_stack_and_clears_tid)
{
	static char stack[16384] __attribute__((aligned(16)));
	static unsigned long tls_block[8];
	int ptid = 0, ctid = -1;
	long tid;

	tid =
	    uk_posix_clone(0x00000100 | 0x00080000 | 0x00100000 | 0x00200000, stack + sizeof(stack),
	                   &ptid, (unsigned long)tls_block, &ctid, clone_fn, (void *)1);
	UK_TEST_ASSERT(tid > 1);
	UK_TEST_EXPECT_SNUM_EQ(ptid, tid);
	/* the thread clears ctid when it ends: wait for it on the futex */
	ctid = (int)tid;
	while (ctid)
		uk_futex_wait((const uint32_t *)&ctid, (uint32_t)ctid, 0, ~0U);
	UK_TEST_EXPECT_SNUM_EQ(clone_ran_tid, tid);
	UK_TEST_EXPECT_UNUM_EQ(clone_tls_seen, (unsigned long)tls_block);
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_clone(0, stack, 0, 0, 0, clone_fn, 0), -ENOSYS);
}
