/* SPDX-License-Identifier: BSD-3-Clause */
/* Thread life cycle: creation, exit, join, detach */
#include <errno.h>
#include <string.h>
#include <uk/arch/lcpu.h>
#include <uk/print.h>
#include <uk/sched.h>
#include <uk/thread.h>
#include "stack.h"

/* First code of every thread: ctx_init starts it here with interrupts in
 * the state the switching thread had (off), so restore the normal state */
static void thread_entry(void *arg)
{
	struct uk_thread *t = arg;

	uk_sched_reap(t->sched);
	ukarch_irq_restore(t->sched->irq_flags);
	t->fn(t->arg);
	uk_thread_exit();
}

/*
 * One allocation per thread, from the top down: the struct, the
 * extended-state save area, then the stack growing down towards the guard
 * page (an overflow hits the guard, never the save area or the struct).
 * It is given back with the struct: when a joinable thread is joined, or
 * when a detached one is reaped. Three allocations (struct, aligned save
 * area, stack) ran three allocator paths at boot for the first threads
 * (~40 TCG-translated blocks before main()).
 */
struct uk_thread *uk_thread_alloc(struct uk_sched *s, const char *name, void (*fn)(void *),
                                  void *arg, unsigned long stack_pages)
{
	struct uk_thread *t;
	uintptr_t top;
	void *mem;

	if (!s || !fn)
		return NULL;
	if (!stack_pages)
		stack_pages = CONFIG_LIBUKSCHED_STACK_PAGES;
	mem = uksched_stack_alloc(s->a, stack_pages);
	if (!mem)
		return NULL;
	top = (uintptr_t)mem + (stack_pages + 1) * __PAGE_SIZE;
	t = (struct uk_thread *)((top - sizeof(*t)) & ~(uintptr_t)63);
	memset(t, 0, sizeof(*t));
	t->stack = mem;
	t->stack_pages = stack_pages;
	t->ectx =
	    (void *)(((uintptr_t)t - ukarch_ectx_size()) & ~(uintptr_t)(ukarch_ectx_align() - 1));
	ukarch_ectx_init(t->ectx);
	t->name = name ? name : "";
	t->fn = fn;
	t->arg = arg;
	t->sched = s;
	uk_waitq_init(&t->exitq);
	/* the stack grows down from the save area */
	ukarch_ctx_init(&t->ctx, (unsigned long)t->ectx, thread_entry, t);
	return t;
}

struct uk_thread *uk_thread_create_on(struct uk_sched *s, const char *name, void (*fn)(void *),
                                      void *arg, unsigned long stack_pages)
{
	struct uk_thread *t = uk_thread_alloc(s, name, fn, arg, stack_pages);
	unsigned long flags;

	if (!t)
		return NULL;
	flags = ukarch_irq_save();
	t->flags |= UK_THREADF_RUNNABLE;
	s->thread_runnable(s, t);
	ukarch_irq_restore(flags);
	return t;
}

struct uk_thread *uk_thread_create(const char *name, void (*fn)(void *), void *arg)
{
	return uk_thread_create_on(uk_sched_get_default(), name, fn, arg, 0);
}

struct uk_thread *uk_thread_current(void)
{
	struct uk_sched *s = uk_sched_get_default();

	return s ? s->current : NULL;
}

void uk_thread_exit(void)
{
	struct uk_thread *t = uk_thread_current();
	struct uk_sched *s = t->sched;

	ukarch_irq_disable();
	t->flags = (t->flags & ~UK_THREADF_RUNNABLE) | UK_THREADF_EXITED;
	/* the stack is still in use: whoever runs next frees it */
	t->rq_next = s->zombies;
	s->zombies = t;
	uk_waitq_wake_up_all(&t->exitq);
	s->schedule(s);
	UK_CRASH("exited thread %s was scheduled again\n", t->name);
}

/* Off the zombie list (reaped) and no longer joinable: the struct, save
 * area and stack go back together (the struct is read before, it is in
 * the same allocation) */
static void thread_free(struct uk_thread *t)
{
	struct uk_alloc *a = t->sched->a;
	void *mem = t->stack;
	unsigned long pages = t->stack_pages;

	uksched_stack_free(a, mem, pages);
}

int uk_thread_join(struct uk_thread *t)
{
	if (!t || t == uk_thread_current() || (t->flags & UK_THREADF_DETACHED))
		return -EINVAL;
	uk_waitq_wait_event(&t->exitq, t->flags & UK_THREADF_EXITED);
	uk_sched_reap(t->sched);
	thread_free(t);
	return 0;
}

int uk_thread_detach(struct uk_thread *t)
{
	if (!t || (t->flags & UK_THREADF_DETACHED))
		return -EINVAL;
	t->flags |= UK_THREADF_DETACHED;
	if (t->flags & UK_THREADF_REAPED)
		thread_free(t);
	return 0;
}

void uk_thread_set_tlsp(struct uk_thread *t, unsigned long tlsp)
{
	t->tlsp = tlsp;
	if (t == uk_thread_current())
		ukarch_tls_set(tlsp);
}

/* Called by the scheduler on the next thread after an exit */
void uk_sched_reap(struct uk_sched *s)
{
	struct uk_thread *t;
	unsigned long flags = ukarch_irq_save();

	while ((t = s->zombies)) {
		s->zombies = t->rq_next;
		t->flags |= UK_THREADF_REAPED;
		if (t->flags & UK_THREADF_DETACHED)
			thread_free(t);
	}
	ukarch_irq_restore(flags);
}
