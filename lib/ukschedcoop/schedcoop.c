/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cooperative scheduler: a FIFO run queue, a timeout list sorted by
 * deadline, and an idle thread that runs only when the queue is empty and
 * halts the CPU until the earliest deadline or an interrupt. Every list
 * change happens with interrupts off, since interrupt handlers may wake
 * threads.
 */
#include <stdint.h>
#include <string.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/sched.h>
#include <uk/schedcoop.h>

#define IDLE_STACK_PAGES 4

struct schedcoop {
	struct uk_sched s; /* first: the uk_sched pointer is the schedcoop pointer */
	struct uk_thread *rq_head, *rq_tail;
	struct uk_thread *tm_head; /* ascending wakeup_time */
	struct uk_thread *idle;
};

static struct schedcoop *to_coop(struct uk_sched *s)
{
	return (struct schedcoop *)s;
}

static void rq_push(struct schedcoop *c, struct uk_thread *t)
{
	t->rq_next = NULL;
	t->rq_prev = c->rq_tail;
	if (c->rq_tail)
		c->rq_tail->rq_next = t;
	else
		c->rq_head = t;
	c->rq_tail = t;
}

static struct uk_thread *rq_pop(struct schedcoop *c)
{
	struct uk_thread *t = c->rq_head;

	if (!t)
		return NULL;
	c->rq_head = t->rq_next;
	if (c->rq_head)
		c->rq_head->rq_prev = NULL;
	else
		c->rq_tail = NULL;
	return t;
}

static void tm_insert(struct schedcoop *c, struct uk_thread *t)
{
	struct uk_thread **pp = &c->tm_head, *prev = NULL;

	/* after equal deadlines, so threads sleeping until the same time wake in order */
	while (*pp && (*pp)->wakeup_time <= t->wakeup_time) {
		prev = *pp;
		pp = &(*pp)->tm_next;
	}
	t->tm_next = *pp;
	t->tm_prev = prev;
	if (*pp)
		(*pp)->tm_prev = t;
	*pp = t;
}

static void tm_remove(struct schedcoop *c, struct uk_thread *t)
{
	if (t->tm_prev)
		t->tm_prev->tm_next = t->tm_next;
	else
		c->tm_head = t->tm_next;
	if (t->tm_next)
		t->tm_next->tm_prev = t->tm_prev;
	t->tm_next = t->tm_prev = NULL;
}

/* Moves every thread whose deadline has passed to the run queue */
static void wake_expired(struct schedcoop *c)
{
	struct uk_thread *t;
	uint64_t now;

	if (!c->tm_head)
		return;
	now = ukplat_monotonic_clock();
	while ((t = c->tm_head) && t->wakeup_time <= now) {
		tm_remove(c, t);
		t->wakeup_time = 0;
		t->flags |= UK_THREADF_RUNNABLE;
		if (t != c->s.current)
			rq_push(c, t);
	}
}

static void coop_thread_runnable(struct uk_sched *s, struct uk_thread *t)
{
	rq_push(to_coop(s), t);
}

static void coop_thread_blocked(struct uk_sched *s, struct uk_thread *t)
{
	tm_insert(to_coop(s), t);
}

static void coop_thread_untimed(struct uk_sched *s, struct uk_thread *t)
{
	tm_remove(to_coop(s), t);
}

static void coop_schedule(struct uk_sched *s)
{
	struct schedcoop *c = to_coop(s);
	struct uk_thread *prev = s->current, *next;
	unsigned long flags = ukarch_irq_save();

	wake_expired(c);
	if ((prev->flags & (UK_THREADF_RUNNABLE | UK_THREADF_IDLE)) == UK_THREADF_RUNNABLE)
		rq_push(c, prev);
	next = rq_pop(c);
	if (!next)
		next = c->idle;
	if (next != prev)
		uk_sched_switch(s, prev, next);
	ukarch_irq_restore(flags);
}

static struct uk_thread *coop_first(struct uk_sched *s)
{
	struct schedcoop *c = to_coop(s);
	struct uk_thread *t = rq_pop(c);

	return t ? t : c->idle;
}

/* Runs only when nothing else can: sleep until the next deadline */
static void idle_thread(void *arg)
{
	struct schedcoop *c = arg;
	unsigned long flags;

	for (;;) {
		flags = ukarch_irq_save();
		wake_expired(c);
		if (!c->rq_head)
			ukplat_lcpu_halt_until(c->tm_head ? c->tm_head->wakeup_time : UINT64_MAX);
		ukarch_irq_restore(flags);
		coop_schedule(&c->s);
	}
}

#define COOP_PAGES ((sizeof(struct schedcoop) + __PAGE_SIZE - 1) / __PAGE_SIZE)

struct uk_sched *uk_sched_create_coop(struct uk_alloc *a)
{
	struct schedcoop *c;

	/* debug, not info: each boot log line costs TCG boot time, and the
	 * boot's own "Initialize scheduling" line says as much */
	uk_pr_debug("Initializing cooperative scheduler\n");
	if (!a)
		return NULL;
	/* whole pages, as the allocator's malloc would take anyway before the
	 * slab layer: the page path is the one threads use, one allocator
	 * path less to translate at boot under TCG */
	c = uk_palloc(a, COOP_PAGES);
	if (!c)
		return NULL;
	memset(c, 0, sizeof(*c));
	uk_sched_init(&c->s, a);
	c->s.thread_runnable = coop_thread_runnable;
	c->s.thread_blocked = coop_thread_blocked;
	c->s.thread_untimed = coop_thread_untimed;
	c->s.schedule = coop_schedule;
	c->s.first = coop_first;
	c->idle = uk_thread_alloc(&c->s, "idle", idle_thread, c, IDLE_STACK_PAGES);
	if (!c->idle) {
		if (uk_sched_get_default() == &c->s)
			uk_sched_set_default(NULL);
		uk_pfree(a, c, COOP_PAGES);
		return NULL;
	}
	c->idle->flags |= UK_THREADF_IDLE;
	return &c->s;
}
