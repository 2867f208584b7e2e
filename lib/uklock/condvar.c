/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * With a cooperative scheduler, releasing the mutex and queueing on the
 * condition cannot be separated by another thread (unlocking only marks a
 * waiter runnable), so a signal sent right after the unlock is not lost.
 */
#include <uk/condvar.h>
#include <uk/print.h>
#include <uk/thread.h>

void uk_condvar_init(struct uk_condvar *cv)
{
	uk_waitq_init(&cv->wq);
}

int uk_condvar_timedwait(struct uk_condvar *cv, struct uk_mutex *m, uint64_t deadline)
{
	unsigned int depth = m->depth;
	int rc;

	if (m->owner != uk_thread_current())
		UK_CRASH("condvar %p: waiting without holding mutex %p\n", cv, m);
	/* a recursive mutex is released completely, and taken back as deep */
	m->depth = 1;
	uk_mutex_unlock(m);
	rc = uk_waitq_wait_until(&cv->wq, deadline);
	uk_mutex_lock(m);
	m->depth = depth;
	return rc;
}

void uk_condvar_wait(struct uk_condvar *cv, struct uk_mutex *m)
{
	uk_condvar_timedwait(cv, m, 0);
}

void uk_condvar_signal(struct uk_condvar *cv)
{
	uk_waitq_wake_up_one(&cv->wq);
}

void uk_condvar_broadcast(struct uk_condvar *cv)
{
	uk_waitq_wake_up_all(&cv->wq);
}
