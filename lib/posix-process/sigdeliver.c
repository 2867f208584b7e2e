/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Delivery: a pending signal that the current thread does not block runs
 * its handler right here, as a function call, with the action's mask added
 * for the handler's duration. Default actions: ignore for the signals
 * Linux ignores, otherwise the process (the VM) ends with status 128+sig.
 */
#include <string.h>
#include <uk/plat/bootstrap.h>
#include <uk/print.h>
#include "process.h"
#include "sigstate.h"

#define SIGCHLD  17
#define SIGCONT  18
#define SIGTSTP  20
#define SIGTTIN  21
#define SIGTTOU  22
#define SIGURG   23
#define SIGWINCH 28

uint64_t posix_sigpending;
int posix_sigpending_code[UK_NSIG + 1];

static int default_ignores(int sig)
{
	switch (sig) {
	case SIGCHLD:
	case SIGCONT:
	case SIGURG:
	case SIGWINCH:
		return 1;
	case UK_SIGSTOP:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		/* there is no one to continue a stopped unikernel */
		uk_pr_warn("signal %d would stop the process: ignored\n", sig);
		return 1;
	default:
		return 0;
	}
}

void posix_terminate_by_signal(int sig)
{
	uk_pr_warn("Terminated by signal %d\n", sig);
	ukplat_terminate(128 + sig);
}

static void run_handler(struct posix_thread *pt, int sig, int code)
{
	struct uk_ksigaction *act = &posix_sigactions[sig];
	uintptr_t handler = act->handler;
	uint64_t saved = pt->sigmask;
	struct uk_siginfo info;

	pt->sigmask |= act->mask;
	if (!(act->flags & UK_SA_NODEFER))
		pt->sigmask |= sig_bit(sig);
	if (act->flags & UK_SA_RESETHAND)
		act->handler = UK_SIG_DFL;
	if (act->flags & UK_SA_SIGINFO) {
		memset(&info, 0, sizeof(info));
		info.signo = sig;
		info.code = code;
		info.pid = UK_POSIX_PID;
		((void (*)(int, void *, void *))handler)(sig, &info, NULL);
	} else {
		((void (*)(int))handler)(sig);
	}
	pt->sigmask = saved;
}

void posix_signal_deliver_pending(void)
{
	posix_signal_deliver_to(posix_thread_self());
}

void posix_signal_deliver_to(struct posix_thread *pt)
{
	uint64_t ready;
	int sig;

	while ((ready = posix_sigpending & ~pt->sigmask)) {
		sig = __builtin_ctzll(ready) + 1;
		posix_sigpending &= ~sig_bit(sig);
		if (posix_sigactions[sig].handler == UK_SIG_IGN)
			continue;
		if (posix_sigactions[sig].handler == UK_SIG_DFL) {
			if (!default_ignores(sig))
				posix_terminate_by_signal(sig);
			continue;
		}
		run_handler(pt, sig, posix_sigpending_code[sig]);
	}
}
