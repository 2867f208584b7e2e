/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Signals that come from outside the program's own flow (timers): they go
 * to the main thread, as a process-directed signal on Linux usually does.
 * With a cooperative scheduler the main thread is never caught in the
 * middle of anything but a blocking call, so running the handler right now
 * in the poster's context (with the main thread's thread pointer, so the
 * handler's errno and stdio are the main thread's) is what an interrupt
 * at that call would look like; the blocking call then returns -EINTR.
 */
#include <uk/arch/ctx.h>
#include <uk/process.h>
#include <uk/thread.h>
#include "process.h"
#include "sigstate.h"

static int ignored_by_default(int sig)
{
	/* SIGCHLD, SIGCONT, SIGURG, SIGWINCH */
	return sig == 17 || sig == 18 || sig == 23 || sig == 28;
}

void uk_posix_signal_post(int sig)
{
	struct posix_thread *main = posix_thread_main();
	struct uk_thread *self = uk_thread_current();
	uintptr_t h;
	unsigned long saved;

	if (sig < 1 || sig > UK_NSIG)
		return;
	h = posix_sigactions[sig].handler;
	if (h == UK_SIG_IGN || (h == UK_SIG_DFL && ignored_by_default(sig)))
		return;
	if (h == UK_SIG_DFL)
		posix_terminate_by_signal(sig);
	posix_sigpending |= sig_bit(sig);
	posix_sigpending_code[sig] = UK_SI_KERNEL;
	if (!(main->sigmask & sig_bit(sig)) && main->thread && self != main->thread) {
		saved = self->tlsp;
		uk_thread_set_tlsp(self, main->thread->tlsp);
		posix_signal_deliver_to(main);
		uk_thread_set_tlsp(self, saved);
	}
	main->interrupted = 1;
	if (main->thread && self != main->thread)
		uk_thread_wake(main->thread);
}

int uk_posix_take_interrupt(void)
{
	struct posix_thread *pt = posix_thread_self();
	int was = pt->interrupted;

	pt->interrupted = 0;
	return was;
}

struct uk_thread *uk_posix_main_thread(void)
{
	return posix_thread_main()->thread;
}
