/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Threads. Each has its own stack (from the page allocator, with an
 * unmapped guard page below it so an overflow faults instead of silently
 * corrupting memory), its own extended-state save area and its own thread
 * pointer (FS base), all switched by the scheduler.
 */
#ifndef UK_THREAD_H
#define UK_THREAD_H

#include <stdint.h>
#include <uk/arch/ctx.h>
#include <uk/wait.h>

struct uk_sched;

#define UK_THREADF_RUNNABLE 0x01 /* in the run queue or running */
#define UK_THREADF_EXITED   0x02 /* finished; stack freed once reaped */
#define UK_THREADF_DETACHED 0x04 /* freed entirely when it exits */
#define UK_THREADF_REAPED   0x08 /* off the zombie list: its memory goes at join/detach */
#define UK_THREADF_IDLE     0x10 /* the scheduler's idle thread */

struct uk_thread {
	const char *name;
	struct ukarch_ctx ctx;
	void *ectx;                /* extended-state save area, at the stack's top */
	unsigned long tlsp;        /* FS base while this thread runs */
	void *stack;               /* lowest page: the guard; the struct is at the top */
	unsigned long stack_pages; /* including the guard */
	unsigned int flags;
	uint64_t wakeup_time; /* blocked with a deadline: when to wake (0: none) */
	void (*fn)(void *);
	void *arg;
	struct uk_sched *sched;
	struct uk_waitq exitq; /* joiners wait here */
	/* links owned by the scheduler: run queue / zombie list, timeout list */
	struct uk_thread *rq_next, *rq_prev;
	struct uk_thread *tm_next, *tm_prev;
	void *priv; /* for a libc's per-thread data */
};

/* A new thread on the default scheduler with CONFIG_LIBUKSCHED_STACK_PAGES
 * of stack; runnable at once. NULL when out of memory. */
struct uk_thread *uk_thread_create(const char *name, void (*fn)(void *), void *arg);
struct uk_thread *uk_thread_create_on(struct uk_sched *s, const char *name, void (*fn)(void *),
                                      void *arg, unsigned long stack_pages);

struct uk_thread *uk_thread_current(void);
/* Ends the current thread (returning from fn does the same) */
void uk_thread_exit(void) __attribute__((noreturn));
/* Waits for t to end and frees it: 0, -EINVAL (detached, or t is the caller) */
int uk_thread_join(struct uk_thread *t);
/* t is freed as soon as it ends; it can no longer be joined: 0 or -EINVAL */
int uk_thread_detach(struct uk_thread *t);

/* The thread pointer (FS base) of t; loaded into the CPU when t runs */
void uk_thread_set_tlsp(struct uk_thread *t, unsigned long tlsp);

/*
 * Blocks the current thread until uk_thread_wake() or the monotonic clock
 * reaches deadline (0: no deadline). Returns 1 if the deadline passed.
 * If an interrupt handler may be the one to wake you, call this with
 * interrupts disabled (ukarch_irq_save) after publishing yourself as a
 * waiter: they stay off until the switch, so the wake-up cannot be lost
 * (a wake-up that arrives before the thread has blocked finds it runnable
 * and does nothing). Returns with the interrupt state of the call.
 */
int uk_thread_block_until(uint64_t deadline);
void uk_thread_wake(struct uk_thread *t);

#endif /* UK_THREAD_H */
