/* SPDX-License-Identifier: BSD-3-Clause */
/* The VFS's kernel services (tests/host/os_host.c stands in on the host) */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/plat/time.h>
#include <uk/config.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/lcpu.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#include <uk/wait.h>

/* every thread sleeping in uk_vfs_poll_wait() */
static struct uk_waitq poll_waiters = UK_WAITQ_INITIALIZER;
#endif
#include <uk/vfs.h>
#include "vfs_os.h"

void *vfs_zalloc(size_t size)
{
	return uk_calloc(uk_alloc_get_default(), 1, size);
}

void *vfs_realloc(void *p, size_t size)
{
	return uk_realloc(uk_alloc_get_default(), p, size);
}

void vfs_free(void *p)
{
	uk_free(uk_alloc_get_default(), p);
}

int64_t vfs_now_ns(void)
{
	return (int64_t)ukplat_wall_clock();
}

int vfs_wait(int periodic)
{
#if CONFIG_LIBUKSCHED
	/* sleep (no spinning) until some file's readiness changes: pipes and
	 * eventfds notify on every change. The caller checked its condition
	 * just before and nothing ran since (cooperative threads; pipes and
	 * counters change only in threads), so no wake-up is lost */
	uk_vfs_poll_wait(uk_vfs_poll_generation(),
	                 periodic ? ukplat_monotonic_clock() + UK_VFS_POLL_PERIOD_NS : 0);
	return 0;
#else
	(void)periodic;
	return -EAGAIN;
#endif
}

int vfs_poll_block(const volatile uint64_t *gen, uint64_t seen, uint64_t deadline)
{
	/* interrupts off between the check and the sleep: a notify from an
	 * interrupt handler cannot slip in between and be lost */
	unsigned long flags = ukarch_irq_save();
	int rc = 0;

	if (*gen != seen)
		goto out;
	if (deadline && ukplat_monotonic_clock() >= deadline) {
		rc = -ETIMEDOUT;
		goto out;
	}
#if CONFIG_LIBUKSCHED
	rc = uk_waitq_wait_until(&poll_waiters, deadline);
#else
	/* no other thread: only an interrupt can change anything */
	ukplat_lcpu_halt_until(deadline);
	if (*gen == seen && deadline && ukplat_monotonic_clock() >= deadline)
		rc = -ETIMEDOUT;
#endif
out:
	ukarch_irq_restore(flags);
	return rc;
}

void vfs_poll_wake(void)
{
#if CONFIG_LIBUKSCHED
	uk_waitq_wake_up_all(&poll_waiters);
#endif
}
