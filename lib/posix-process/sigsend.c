/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sending signals. Only the process itself can be a target; a signal to
 * any of its threads is made pending for the process and delivered to the
 * sending thread as soon as that thread does not block it (at once, or
 * when rt_sigprocmask unblocks it), which is what raise() needs.
 */
#include <errno.h>
#include <uk/syscall.h>
#include "process.h"
#include "sigstate.h"

static int send(int sig, int code)
{
	if (sig < 0 || sig > UK_NSIG)
		return -EINVAL;
	if (sig == 0) /* existence check only */
		return 0;
	if (sig == UK_SIGKILL)
		posix_terminate_by_signal(sig);
	if (posix_sigactions[sig].handler == UK_SIG_IGN)
		return 0;
	posix_sigpending |= sig_bit(sig);
	posix_sigpending_code[sig] = code;
	posix_signal_deliver_pending();
	return 0;
}

static int is_us(int pid)
{
	return pid == 0 || pid == -1 || pid == UK_POSIX_PID || pid == -UK_POSIX_PID;
}

static int tid_exists(int tid)
{
	/* tids are handed out in order and threads are not tracked by id here:
	 * any tid handed out so far may still be alive */
	return tid >= UK_POSIX_PID && tid < posix_thread_new_tid_peek();
}

UK_SYSCALL_R_DEFINE(int, kill, int, pid, int, sig)
{
	return is_us(pid) ? send(sig, UK_SI_USER) : -ESRCH;
}

UK_SYSCALL_R_DEFINE(int, tkill, int, tid, int, sig)
{
	return tid_exists(tid) ? send(sig, UK_SI_TKILL) : -ESRCH;
}

UK_SYSCALL_R_DEFINE(int, tgkill, int, tgid, int, tid, int, sig)
{
	if (tgid != UK_POSIX_PID)
		return -ESRCH;
	return tid_exists(tid) ? send(sig, UK_SI_TKILL) : -ESRCH;
}
