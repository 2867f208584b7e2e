/* SPDX-License-Identifier: BSD-3-Clause */
/* Condition variables, used with a <uk/mutex.h> mutex held by the caller */
#ifndef UK_CONDVAR_H
#define UK_CONDVAR_H

#include <stdint.h>
#include <uk/mutex.h>
#include <uk/wait.h>

struct uk_condvar {
	struct uk_waitq wq;
};

void uk_condvar_init(struct uk_condvar *cv);
/* releases m, waits for a signal, takes m again; may wake spuriously */
void uk_condvar_wait(struct uk_condvar *cv, struct uk_mutex *m);
/* same, until the monotonic clock reaches deadline: 0 or -ETIMEDOUT */
int uk_condvar_timedwait(struct uk_condvar *cv, struct uk_mutex *m, uint64_t deadline);
void uk_condvar_signal(struct uk_condvar *cv);
void uk_condvar_broadcast(struct uk_condvar *cv);

#endif /* UK_CONDVAR_H */
