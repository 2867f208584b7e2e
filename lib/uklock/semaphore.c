/* SPDX-License-Identifier: BSD-3-Clause */
#include <uk/plat/time.h>
#include <uk/semaphore.h>

void uk_semaphore_init(struct uk_semaphore *s, long count)
{
	s->count = count;
	uk_waitq_init(&s->wq);
}

void uk_semaphore_down(struct uk_semaphore *s)
{
	uk_waitq_wait_event(&s->wq, s->count > 0);
	s->count--;
}

int uk_semaphore_down_try(struct uk_semaphore *s)
{
	if (s->count <= 0)
		return 0;
	s->count--;
	return 1;
}

int uk_semaphore_down_to(struct uk_semaphore *s, uint64_t ns)
{
	uint64_t deadline = ukplat_monotonic_clock() + ns;

	if (uk_waitq_wait_event_deadline(&s->wq, s->count > 0, deadline) < 0)
		return -ETIMEDOUT;
	s->count--;
	return 0;
}

void uk_semaphore_up(struct uk_semaphore *s)
{
	s->count++;
	uk_waitq_wake_up_one(&s->wq);
}
