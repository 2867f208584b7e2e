/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sleeping mutexes. A recursive mutex may be locked again by its owner and
 * is released when unlocked as many times; locking a plain mutex twice from
 * the same thread, or unlocking one you do not own, is a bug and crashes.
 */
#ifndef UK_MUTEX_H
#define UK_MUTEX_H

#include <uk/wait.h>

struct uk_thread;

struct uk_mutex {
	struct uk_thread *owner;
	unsigned int depth;
	int recursive;
	struct uk_waitq wq;
};

void uk_mutex_init(struct uk_mutex *m);
void uk_mutex_init_recursive(struct uk_mutex *m);
void uk_mutex_lock(struct uk_mutex *m);
/* 1 if locked, 0 if another thread holds it */
int uk_mutex_trylock(struct uk_mutex *m);
void uk_mutex_unlock(struct uk_mutex *m);
int uk_mutex_is_locked(const struct uk_mutex *m);

#endif /* UK_MUTEX_H */
