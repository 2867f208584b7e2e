/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Scheduler interface. lib/uksched holds what every scheduler shares
 * (threads, switching, wait queues); a policy library such as
 * lib/ukschedcoop fills in the operations below.
 */
#ifndef UK_SCHED_H
#define UK_SCHED_H

#include <stdint.h>
#include <uk/alloc.h>
#include <uk/thread.h>

struct uk_sched {
	/* t became runnable (new, or woken) */
	void (*thread_runnable)(struct uk_sched *s, struct uk_thread *t);
	/* the current thread stopped being runnable; t->wakeup_time may be set */
	void (*thread_blocked)(struct uk_sched *s, struct uk_thread *t);
	/* t was woken before its deadline: forget the deadline */
	void (*thread_untimed)(struct uk_sched *s, struct uk_thread *t);
	/* picks the next thread (the current one goes to the back of the queue
	 * if still runnable) and switches to it; returns when current runs again */
	void (*schedule)(struct uk_sched *s);
	/* the first thread to run: the head of the run queue, or the idle thread */
	struct uk_thread *(*first)(struct uk_sched *s);

	struct uk_alloc *a; /* stacks, save areas, thread structs */
	struct uk_thread *current;
	struct uk_thread *zombies; /* exited, stack not yet freed */
	uint64_t nr_switches;
	unsigned long irq_flags; /* interrupt state new threads start with */
};

/* The first scheduler created becomes the default. Inline, on sched.c's
 * variable: under TCG each call costs two blocks to translate at boot */
extern struct uk_sched *_uk_sched_default;

static inline struct uk_sched *uk_sched_get_default(void)
{
	return _uk_sched_default;
}

void uk_sched_set_default(struct uk_sched *s);

/* Switches to the first runnable thread; the boot stack is never used again */
void uk_sched_start(struct uk_sched *s) __attribute__((noreturn));

void uk_sched_yield(void);
/* Sleeps the current thread for at least ns nanoseconds */
void uk_sched_sleep_ns(uint64_t ns);
void uk_sched_sleep_until(uint64_t deadline);

/*
 * For scheduler implementations: switch from prev (the current thread) to
 * next, saving and loading the extended state and the thread pointer.
 * Returns when something switches back to prev.
 */
void uk_sched_switch(struct uk_sched *s, struct uk_thread *prev, struct uk_thread *next);
/* For scheduler implementations: common part of a new scheduler */
void uk_sched_init(struct uk_sched *s, struct uk_alloc *a);
/* Frees the stacks of exited threads; called right after every switch */
void uk_sched_reap(struct uk_sched *s);
/* For scheduler implementations: a thread that is not runnable yet, with
 * stack_pages of stack (0: the configured default) plus the guard page */
struct uk_thread *uk_thread_alloc(struct uk_sched *s, const char *name, void (*fn)(void *),
                                  void *arg, unsigned long stack_pages);

#ifdef CONFIG_LIBUKSCHEDCOOP
#include <uk/schedcoop.h>
#endif

#endif /* UK_SCHED_H */
