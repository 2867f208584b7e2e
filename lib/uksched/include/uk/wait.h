/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wait queues: a thread blocks on a queue until another thread (or an
 * interrupt handler) wakes it, or until a deadline on the monotonic clock.
 */
#ifndef UK_WAIT_H
#define UK_WAIT_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

struct uk_thread;

struct uk_waitq_entry {
	struct uk_thread *thread;
	struct uk_waitq_entry *next, *prev;
	int woken;
};

struct uk_waitq {
	struct uk_waitq_entry *head, *tail;
};

#define UK_WAITQ_INITIALIZER                                                                       \
	{                                                                                          \
		NULL, NULL                                                                         \
	}

static inline void uk_waitq_init(struct uk_waitq *wq)
{
	wq->head = wq->tail = NULL;
}

static inline int uk_waitq_empty(const struct uk_waitq *wq)
{
	return !wq->head;
}

/*
 * Blocks the current thread on wq until woken (0) or until the monotonic
 * clock reaches deadline (-ETIMEDOUT). deadline 0 means no limit. Like any
 * wait, it can return 0 spuriously: re-check the condition (see below).
 */
int uk_waitq_wait_until(struct uk_waitq *wq, uint64_t deadline);
/* wakes the thread that waited longest; 1 if there was one, else 0 */
int uk_waitq_wake_up_one(struct uk_waitq *wq);
/* wakes every waiter; returns how many */
int uk_waitq_wake_up_all(struct uk_waitq *wq);

/*
 * Waits until cond is true (re-checked after every wake-up), or until the
 * deadline passes with cond still false: 0 or -ETIMEDOUT. With a
 * cooperative scheduler nothing runs between the check of cond and the
 * caller's next statement, so no wake-up can be lost in between.
 */
#define uk_waitq_wait_event_deadline(wq, cond, deadline)                                           \
	({                                                                                         \
		int __uk_wret = 0;                                                                 \
		while (!(cond)) {                                                                  \
			if (uk_waitq_wait_until((wq), (deadline)) == -ETIMEDOUT && !(cond)) {      \
				__uk_wret = -ETIMEDOUT;                                            \
				break;                                                             \
			}                                                                          \
		}                                                                                  \
		__uk_wret;                                                                         \
	})

#define uk_waitq_wait_event(wq, cond) ((void)uk_waitq_wait_event_deadline(wq, cond, 0))

#endif /* UK_WAIT_H */
