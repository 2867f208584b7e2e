/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Futex wait queues: waiters hang on a list per hash bucket of the
 * address; each waiter records the address it waits on, so requeueing only
 * changes that field and moves the entry.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/arch/lcpu.h>
#include <uk/futex.h>
#include <uk/thread.h>

#define FUTEX_BUCKETS 64

struct futex_waiter {
	const uint32_t *addr;
	uint32_t bitset;
	int woken;
	struct uk_thread *thread;
	struct futex_waiter *next, *prev;
};

static struct futex_waiter *buckets[FUTEX_BUCKETS];

static struct futex_waiter **bucket_of(const uint32_t *addr)
{
	uintptr_t a = (uintptr_t)addr >> 2;

	return &buckets[(a ^ (a >> 6) ^ (a >> 12)) % FUTEX_BUCKETS];
}

static void waiter_link(struct futex_waiter *w)
{
	struct futex_waiter **head = bucket_of(w->addr);

	w->prev = NULL;
	w->next = *head;
	if (*head)
		(*head)->prev = w;
	*head = w;
}

static void waiter_unlink(struct futex_waiter *w)
{
	struct futex_waiter **head = bucket_of(w->addr);

	if (w->prev)
		w->prev->next = w->next;
	else
		*head = w->next;
	if (w->next)
		w->next->prev = w->prev;
	w->next = w->prev = NULL;
}

int uk_futex_wait(const uint32_t *uaddr, uint32_t val, uint64_t deadline, uint32_t bitset)
{
	struct futex_waiter w = {uaddr, bitset, 0, uk_thread_current(), NULL, NULL};
	unsigned long flags;
	int timed_out = 0;

	if (!bitset)
		return -EINVAL;
	/* interrupt handlers may wake threads; keep them out of the list edits */
	flags = ukarch_irq_save();
	if (__atomic_load_n(uaddr, __ATOMIC_SEQ_CST) != val) {
		ukarch_irq_restore(flags);
		return -EAGAIN;
	}
	waiter_link(&w);
	while (!w.woken && !timed_out) {
		ukarch_irq_restore(flags);
		timed_out = uk_thread_block_until(deadline);
		flags = ukarch_irq_save();
	}
	if (!w.woken)
		waiter_unlink(&w);
	ukarch_irq_restore(flags);
	return w.woken ? 0 : -ETIMEDOUT;
}

int uk_futex_wake(const uint32_t *uaddr, int n, uint32_t bitset)
{
	struct futex_waiter *w, *next;
	unsigned long flags;
	int woken = 0;

	flags = ukarch_irq_save();
	/* oldest first: new waiters are pushed at the head */
	for (w = *bucket_of(uaddr); w && w->next; w = w->next)
		;
	for (; w && woken < n; w = next) {
		next = w->prev;
		if (w->addr != uaddr || !(w->bitset & bitset))
			continue;
		waiter_unlink(w);
		w->woken = 1;
		uk_thread_wake(w->thread);
		woken++;
	}
	ukarch_irq_restore(flags);
	return woken;
}

int uk_futex_requeue(const uint32_t *uaddr, int nwake, const uint32_t *uaddr2, int nmove)
{
	struct futex_waiter *w, *next;
	unsigned long flags;
	int done;
	int moved = 0;

	done = uk_futex_wake(uaddr, nwake, ~0U);
	flags = ukarch_irq_save();
	for (w = *bucket_of(uaddr); w && w->next; w = w->next)
		;
	for (; w && moved < nmove; w = next) {
		next = w->prev;
		if (w->addr != uaddr)
			continue;
		waiter_unlink(w);
		w->addr = uaddr2;
		waiter_link(w);
		moved++;
	}
	ukarch_irq_restore(flags);
	return done + moved;
}

int uk_futex_waiters(const uint32_t *uaddr)
{
	struct futex_waiter *w;
	int n = 0;

	for (w = *bucket_of(uaddr); w; w = w->next)
		n += w->addr == uaddr;
	return n;
}
