/* SPDX-License-Identifier: BSD-3-Clause */
/* Wait queues: FIFO of blocked threads, entries live on the waiters' stacks */
#include <uk/arch/lcpu.h>
#include <uk/sched.h>
#include <uk/thread.h>
#include <uk/wait.h>

static void wq_del(struct uk_waitq *wq, struct uk_waitq_entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		wq->head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		wq->tail = e->prev;
}

int uk_waitq_wait_until(struct uk_waitq *wq, uint64_t deadline)
{
	struct uk_waitq_entry e = {.thread = uk_thread_current()};
	unsigned long flags = ukarch_irq_save();
	int expired;

	e.prev = wq->tail;
	if (wq->tail)
		wq->tail->next = &e;
	else
		wq->head = &e;
	wq->tail = &e;
	expired = uk_thread_block_until(deadline);
	/* timed out (or woken by something else): still queued */
	if (!e.woken)
		wq_del(wq, &e);
	ukarch_irq_restore(flags);
	return !e.woken && expired ? -ETIMEDOUT : 0;
}

static int wake_head(struct uk_waitq *wq)
{
	struct uk_waitq_entry *e = wq->head;

	if (!e)
		return 0;
	wq_del(wq, e);
	e->woken = 1;
	uk_thread_wake(e->thread);
	return 1;
}

int uk_waitq_wake_up_one(struct uk_waitq *wq)
{
	unsigned long flags = ukarch_irq_save();
	int n = wake_head(wq);

	ukarch_irq_restore(flags);
	return n;
}

int uk_waitq_wake_up_all(struct uk_waitq *wq)
{
	unsigned long flags = ukarch_irq_save();
	int n = 0;

	while (wake_head(wq))
		n++;
	ukarch_irq_restore(flags);
	return n;
}
