/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Signal actions and masks are recorded like Linux does, so programs that
 * install handlers and block signals at start-up work. Signals come only
 * from the program itself (kill/raise, see sigsend.c); unblocking a
 * pending one delivers it at once.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/syscall.h>
#include "process.h"
#include "sigstate.h"

#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

struct uk_ksigaction posix_sigactions[UK_NSIG + 1];

/* SIGKILL and SIGSTOP can be neither caught nor blocked */
static const uint64_t unblockable = (1ULL << (UK_SIGKILL - 1)) | (1ULL << (UK_SIGSTOP - 1));

UK_SYSCALL_R_DEFINE(int, rt_sigaction, int, sig, const struct uk_ksigaction *, act,
                    struct uk_ksigaction *, oact, unsigned long, setsize)
{
	if (setsize != sizeof(uint64_t))
		return -EINVAL;
	if (sig < 1 || sig > UK_NSIG)
		return -EINVAL;
	if (act && (sig == UK_SIGKILL || sig == UK_SIGSTOP))
		return -EINVAL;
	if (oact)
		*oact = posix_sigactions[sig];
	if (act) {
		posix_sigactions[sig] = *act;
		posix_sigactions[sig].mask &= ~unblockable;
		/* ignoring a signal discards it if pending (POSIX) */
		if (act->handler == UK_SIG_IGN)
			posix_sigpending &= ~sig_bit(sig);
	}
	return 0;
}

UK_SYSCALL_R_DEFINE(int, rt_sigprocmask, int, how, const uint64_t *, set, uint64_t *, oset,
                    unsigned long, setsize)
{
	struct posix_thread *pt = posix_thread_self();
	uint64_t old = pt->sigmask;

	if (setsize != sizeof(uint64_t))
		return -EINVAL;
	if (set) {
		switch (how) {
		case SIG_BLOCK:
			pt->sigmask |= *set;
			break;
		case SIG_UNBLOCK:
			pt->sigmask &= ~*set;
			break;
		case SIG_SETMASK:
			pt->sigmask = *set;
			break;
		default:
			return -EINVAL;
		}
		pt->sigmask &= ~unblockable;
	}
	if (oset)
		*oset = old;
	if (posix_sigpending & ~pt->sigmask)
		posix_signal_deliver_pending();
	return 0;
}

UK_SYSCALL_R_DEFINE(int, rt_sigpending, uint64_t *, set, unsigned long, setsize)
{
	if (setsize != sizeof(uint64_t))
		return -EINVAL;
	if (!set)
		return -EFAULT;
	*set = posix_sigpending & posix_thread_self()->sigmask;
	return 0;
}

/* alternate signal stacks: recorded; handlers run on the current stack */
struct uk_stack_t {
	void *sp;
	int flags;
	unsigned long size;
};

static struct uk_stack_t altstack = {NULL, 2 /* SS_DISABLE */, 0};

UK_SYSCALL_R_DEFINE(int, sigaltstack, const struct uk_stack_t *, ss, struct uk_stack_t *, old)
{
	if (old)
		*old = altstack;
	if (ss)
		altstack = *ss;
	return 0;
}
