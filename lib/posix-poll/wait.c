/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one wait loop of poll, select and epoll: scan the files, and if none
 * is ready sleep on vfscore's poll generation (any readiness change wakes
 * us; we then scan again), the deadline, or a signal.
 */
#include <errno.h>
#include <uk/plat/time.h>
#include <uk/poll.h>
#include <uk/sched.h>

/* lib/posix-process, when present: signals interrupt the wait */
int uk_posix_take_interrupt(void) __attribute__((weak));

static int interrupted(void)
{
	return uk_posix_take_interrupt && uk_posix_take_interrupt();
}

int uk_poll_wait(uk_poll_scan_fn scan, void *arg, uint64_t deadline)
{
	interrupted(); /* forget signals older than this call */
	/* a scheduling point, as a preemptive kernel would make it: threads
	 * are cooperative here, and a program that finds something ready on
	 * every call (or polls with timeout 0) would otherwise never let the
	 * network stack's threads run, and nothing new would ever arrive */
	uk_sched_yield();
	for (;;) {
		/* the generation before the scan: a change during the scan
		 * makes the wait below return at once */
		uint64_t gen = uk_vfs_poll_generation();
		uint64_t now, wake;
		int periodic = 0;
		int n = scan(arg, &periodic);

		if (n)
			return n;
		now = ukplat_monotonic_clock();
		if (deadline && now >= deadline)
			return 0;
		wake = deadline;
		if (periodic && (!wake || wake - now > UK_VFS_POLL_PERIOD_NS))
			wake = now + UK_VFS_POLL_PERIOD_NS;
		/* a signal during the yield or the scan (which may yield)
		 * already woke us: it would not wake the sleep below */
		if (interrupted())
			return -EINTR;
		uk_vfs_poll_wait(gen, wake);
		if (interrupted())
			return -EINTR;
	}
}
