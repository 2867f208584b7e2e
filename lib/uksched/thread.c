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

static int thread_resources(struct uk_thread *t, struct uk_alloc *a, unsigned long pages)
{
	t->ectx = uk_memalign(a, ukarch_ectx_align(), ukarch_ectx_size());
	if (!t->ectx)
		return -ENOMEM;
	ukarch_ectx_init(t->ectx);
	t->stack = uksched_stack_alloc(a, pages);
	if (!t->stack) {
		uk_free(a, t->ectx);
		return -ENOMEM;
	}
	t->stack_pages = pages;
	return 0;
}

struct uk_thread *uk_thread_alloc(struct uk_sched *s, const char *name, void (*fn)(void *),
                                  void *arg, unsigned long stack_pages)
{
	struct uk_thread *t;

	if (!s || !fn)
		return NULL;
	if (!stack_pages)
		stack_pages = CONFIG_LIBUKSCHED_STACK_PAGES;
	t = uk_calloc(s->a, 1, sizeof(*t));
	if (!t)
		return NULL;
	if (thread_resources(t, s->a, stack_pages) < 0) {
		uk_free(s->a, t);
		return NULL;
	}
	t->name = name ? name : "";
	t->fn = fn;
	t->arg = arg;
	t->sched = s;
	uk_waitq_init(&t->exitq);
	ukarch_ctx_init(&t->ctx, (unsigned long)t->stack + (stack_pages + 1) * __PAGE_SIZE,
	                thread_entry, t);
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

/* stack and save area are gone (reaped); the struct goes last */
static void thread_free(struct uk_thread *t)
{
	uk_free(t->sched->a, t);
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
		uksched_stack_free(s->a, t->stack, t->stack_pages);
		uk_free(s->a, t->ectx);
		t->stack = t->ectx = NULL;
		t->flags |= UK_THREADF_REAPED;
		if (t->flags & UK_THREADF_DETACHED)
			thread_free(t);
	}
	ukarch_irq_restore(flags);
}
