/* SPDX-License-Identifier: BSD-3-Clause */
/* Counting semaphores */
#ifndef UK_SEMAPHORE_H
#define UK_SEMAPHORE_H

#include <stdint.h>
#include <uk/wait.h>

struct uk_semaphore {
	long count;
	struct uk_waitq wq;
};

void uk_semaphore_init(struct uk_semaphore *s, long count);
/* takes one unit, blocking while there is none */
void uk_semaphore_down(struct uk_semaphore *s);
/* 1 if a unit was taken, 0 if none was available */
int uk_semaphore_down_try(struct uk_semaphore *s);
/* like down, but gives up after ns nanoseconds: 0 or -ETIMEDOUT */
int uk_semaphore_down_to(struct uk_semaphore *s, uint64_t ns);
void uk_semaphore_up(struct uk_semaphore *s);

#endif /* UK_SEMAPHORE_H */
