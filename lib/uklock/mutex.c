/* SPDX-License-Identifier: BSD-3-Clause */
#include <uk/mutex.h>
#include <uk/print.h>
#include <uk/thread.h>

/* before the scheduler starts, the boot code is the only context: it owns
 * mutexes under this name (NULL would read as "unlocked") */
static char boot_context;

static struct uk_thread *self_id(void)
{
	struct uk_thread *t = uk_thread_current();

	return t ? t : (struct uk_thread *)&boot_context;
}

static void mutex_init(struct uk_mutex *m, int recursive)
{
	m->owner = NULL;
	m->depth = 0;
	m->recursive = recursive;
	uk_waitq_init(&m->wq);
}

void uk_mutex_init(struct uk_mutex *m)
{
	mutex_init(m, 0);
}

void uk_mutex_init_recursive(struct uk_mutex *m)
{
	mutex_init(m, 1);
}

void uk_mutex_lock(struct uk_mutex *m)
{
	struct uk_thread *self = self_id();

	if (m->owner == self) {
		if (!m->recursive)
			UK_CRASH("mutex %p: locked twice by the same thread\n", m);
		m->depth++;
		return;
	}
	uk_waitq_wait_event(&m->wq, !m->owner);
	m->owner = self;
	m->depth = 1;
}

int uk_mutex_trylock(struct uk_mutex *m)
{
	struct uk_thread *self = self_id();

	if (m->owner == self && m->recursive) {
		m->depth++;
		return 1;
	}
	if (m->owner)
		return 0;
	m->owner = self;
	m->depth = 1;
	return 1;
}

void uk_mutex_unlock(struct uk_mutex *m)
{
	struct uk_thread *self = self_id();

	if (m->owner != self)
		UK_CRASH("mutex %p: unlocked by a thread that does not hold it\n", m);
	if (--m->depth)
		return;
	m->owner = NULL;
	uk_waitq_wake_up_one(&m->wq);
}

int uk_mutex_is_locked(const struct uk_mutex *m)
{
	return m->owner != NULL;
}
