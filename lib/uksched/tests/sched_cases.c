/* SPDX-License-Identifier: BSD-3-Clause */
/* Thread, sleep, wait queue and switching cases (see sched_cases.h) */
#include <errno.h>
#include <stdint.h>
#include <uk/alloc.h>
#include <uk/arch/ctx.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/thread.h>
#include <uk/wait.h>
#include "sched_cases.h"

#define MS 1000000ULL

/*
 * Sleepers must never wake early; how late they may be depends on the
 * platform. Under QEMU TCG the guest clock keeps running while QEMU's
 * thread is descheduled or translating code, and the halt is woken by a
 * timer interrupt whose delivery is itself emulated: measured lateness on
 * an idle 2-core host is well under 1 ms, but a host busy with compilers
 * and other guests can deschedule QEMU for tens of ms. 50 ms keeps the
 * test stable there while still catching a timer that is not programmed
 * for the deadline (the wake-up would then wait for some unrelated event,
 * or forever).
 */
uint64_t sched_case_slack_ns = 50 * MS;
uint64_t sched_case_late_max_ns;
uint64_t sched_case_switch_ns;

/* bytes the scheduler's allocator has handed out (stacks, structs...) */
static size_t used(void)
{
	struct uk_alloc_stats st;

	uk_alloc_stats(uk_sched_get_default()->a, &st);
	return st.used_bytes;
}

/* ---- creation, join, detach ---- */

static void set_flag(void *arg)
{
	*(volatile int *)arg = 1;
}

static int case_create_join(const char **why)
{
	volatile int flag = 0;
	struct uk_thread *t = uk_thread_create("t", set_flag, (void *)&flag);

	CASE_CHECK(t, "create failed");
	CASE_CHECK(t->stack && t->ectx, "thread without stack or save area");
	CASE_CHECK(uk_thread_join(t) == 0, "join failed");
	CASE_CHECK(flag == 1, "thread did not run");
	CASE_CHECK(uk_thread_join(uk_thread_current()) == -EINVAL, "joined itself");
	return 1;
}

#define MANY  200
#define TURNS 5

static volatile long many_counter;

static void many_fn(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < TURNS; i++) {
		many_counter++;
		uk_sched_yield();
	}
}

static int case_many_threads(const char **why)
{
	static struct uk_thread *t[MANY];
	size_t before = used();
	int i;

	many_counter = 0;
	for (i = 0; i < MANY; i++) {
		t[i] = uk_thread_create("many", many_fn, NULL);
		CASE_CHECK(t[i], "create failed");
	}
	for (i = 0; i < MANY; i++)
		CASE_CHECK(uk_thread_join(t[i]) == 0, "join failed");
	CASE_CHECK(many_counter == MANY * TURNS, "not every thread ran every turn");
	CASE_CHECK(used() == before, "memory of joined threads not given back");
	return 1;
}

static void exit_early_fn(void *arg)
{
	*(volatile int *)arg = 1;
	uk_thread_exit();
	*(volatile int *)arg = 2; /* never reached */
}

static int case_exit_and_detach(const char **why)
{
	volatile int a = 0, b = 0;
	size_t before = used();
	struct uk_thread *t = uk_thread_create("exit", exit_early_fn, (void *)&a);
	struct uk_thread *d = uk_thread_create("detached", exit_early_fn, (void *)&b);

	CASE_CHECK(t && d, "create failed");
	CASE_CHECK(uk_thread_detach(d) == 0, "detach failed");
	CASE_CHECK(uk_thread_detach(d) == -EINVAL, "detached twice");
	CASE_CHECK(uk_thread_join(d) == -EINVAL, "joined a detached thread");
	CASE_CHECK(uk_thread_join(t) == 0 && a == 1, "uk_thread_exit did not end the thread");
	uk_sched_yield();
	uk_sched_yield();
	CASE_CHECK(b == 1, "detached thread did not run");
	CASE_CHECK(used() == before, "detached thread not freed");
	return 1;
}

/* ---- yield fairness: strict round robin ---- */

#define FAIR_THREADS 4
#define FAIR_TURNS   50

static int fair_log[FAIR_THREADS * FAIR_TURNS];
static int fair_pos;

static void fair_fn(void *arg)
{
	int i;

	for (i = 0; i < FAIR_TURNS; i++) {
		fair_log[fair_pos++] = (int)(uintptr_t)arg;
		uk_sched_yield();
	}
}

static int case_yield_fairness(const char **why)
{
	struct uk_thread *t[FAIR_THREADS];
	int i;

	fair_pos = 0;
	for (i = 0; i < FAIR_THREADS; i++)
		t[i] = uk_thread_create("fair", fair_fn, (void *)(uintptr_t)i);
	for (i = 0; i < FAIR_THREADS; i++)
		CASE_CHECK(t[i] && uk_thread_join(t[i]) == 0, "create/join failed");
	CASE_CHECK(fair_pos == FAIR_THREADS * FAIR_TURNS, "turns missing");
	for (i = 0; i < fair_pos; i++)
		CASE_CHECK(fair_log[i] == i % FAIR_THREADS, "threads did not take turns in order");
	return 1;
}

/* ---- sleeping ---- */

#define SLEEPERS 8

static int wake_log[SLEEPERS];
static int wake_pos;

static void sleeper_fn(void *arg)
{
	int id = (int)(uintptr_t)arg;

	/* started in order 0..7, but 0 sleeps longest */
	uk_sched_sleep_ns((uint64_t)(SLEEPERS - id) * 3 * MS);
	wake_log[wake_pos++] = id;
}

static int case_sleep_order(const char **why)
{
	struct uk_thread *t[SLEEPERS];
	int i;

	wake_pos = 0;
	for (i = 0; i < SLEEPERS; i++)
		t[i] = uk_thread_create("sleeper", sleeper_fn, (void *)(uintptr_t)i);
	for (i = 0; i < SLEEPERS; i++)
		CASE_CHECK(t[i] && uk_thread_join(t[i]) == 0, "create/join failed");
	for (i = 0; i < SLEEPERS; i++)
		CASE_CHECK(wake_log[i] == SLEEPERS - 1 - i, "sleepers woke out of order");
	return 1;
}

static int case_sleep_accuracy(const char **why)
{
	uint64_t t0, late;
	int i;

	for (i = 0; i < 3; i++) {
		t0 = ukplat_monotonic_clock();
		uk_sched_sleep_ns(30 * MS);
		late = ukplat_monotonic_clock() - t0;
		CASE_CHECK(late >= 30 * MS, "woke before the deadline");
		CASE_CHECK(late - 30 * MS <= sched_case_slack_ns, "woke too late");
		if (late - 30 * MS > sched_case_late_max_ns)
			sched_case_late_max_ns = late - 30 * MS;
	}
	return 1;
}

/* ---- wait queues ---- */

static struct uk_waitq wq = UK_WAITQ_INITIALIZER;
static int wq_log[3], wq_pos;

static void waiter_fn(void *arg)
{
	if (uk_waitq_wait_until(&wq, 0) == 0)
		wq_log[wq_pos++] = (int)(uintptr_t)arg;
}

static int case_waitq(const char **why)
{
	struct uk_thread *t[3];
	uint64_t t0;
	int i;

	wq_pos = 0;
	for (i = 0; i < 3; i++)
		t[i] = uk_thread_create("waiter", waiter_fn, (void *)(uintptr_t)i);
	uk_sched_yield(); /* all three queue up */
	CASE_CHECK(wq_pos == 0, "waiters did not block");
	CASE_CHECK(uk_waitq_wake_up_one(&wq) == 1, "wake one found nobody");
	uk_sched_yield();
	CASE_CHECK(wq_pos == 1 && wq_log[0] == 0, "wake one did not wake the first waiter");
	CASE_CHECK(uk_waitq_wake_up_all(&wq) == 2, "wake all did not find two waiters");
	for (i = 0; i < 3; i++)
		CASE_CHECK(t[i] && uk_thread_join(t[i]) == 0, "create/join failed");
	CASE_CHECK(wq_pos == 3 && wq_log[1] == 1 && wq_log[2] == 2, "FIFO order broken");
	CASE_CHECK(uk_waitq_empty(&wq), "queue not empty");
	t0 = ukplat_monotonic_clock();
	CASE_CHECK(uk_waitq_wait_until(&wq, t0 + 5 * MS) == -ETIMEDOUT, "no timeout");
	CASE_CHECK(ukplat_monotonic_clock() - t0 >= 5 * MS, "timed out early");
	CASE_CHECK(uk_waitq_empty(&wq), "timed-out waiter left in the queue");
	return 1;
}

/* ---- per-thread extended state and thread pointer ---- */

static void set_xmm8(uint64_t v)
{
	__asm__ __volatile__("movq %0, %%xmm8" : : "r"(v) : "xmm8");
}

static uint64_t get_xmm8(void)
{
	uint64_t v;

	__asm__ __volatile__("movq %%xmm8, %0" : "=r"(v));
	return v;
}

static uint32_t get_mxcsr(void)
{
	uint32_t v;

	__asm__ __volatile__("stmxcsr %0" : "=m"(v));
	return v;
}

static void set_mxcsr(uint32_t v)
{
	__asm__ __volatile__("ldmxcsr %0" : : "m"(v));
}

static volatile int state_bad;

static void state_fn(void *arg)
{
	uint64_t me = (uintptr_t)arg;
	uint32_t rc = (uint32_t)(me & 3) << 13; /* each thread its own rounding mode */
	int i;

	uk_thread_set_tlsp(uk_thread_current(), 0x1000 * me);
	set_mxcsr(0x1f80 | rc);
	for (i = 0; i < 20; i++) {
		set_xmm8(me * 0x0101010101010101ULL + i);
		uk_sched_yield();
		if (get_xmm8() != me * 0x0101010101010101ULL + i)
			state_bad |= 1;
		if ((get_mxcsr() & 0x6000) != rc)
			state_bad |= 2;
		if (ukarch_tls_get() != 0x1000 * me)
			state_bad |= 4;
	}
}

static int case_thread_state(const char **why)
{
	struct uk_thread *t[4];
	int i;

	state_bad = 0;
	for (i = 0; i < 4; i++)
		t[i] = uk_thread_create("state", state_fn, (void *)(uintptr_t)(i + 1));
	for (i = 0; i < 4; i++)
		CASE_CHECK(t[i] && uk_thread_join(t[i]) == 0, "create/join failed");
	CASE_CHECK(!(state_bad & 1), "SSE register not kept per thread");
	CASE_CHECK(!(state_bad & 2), "MXCSR not kept per thread");
	CASE_CHECK(!(state_bad & 4), "thread pointer (FS base) not kept per thread");
	return 1;
}

static void fresh_state_fn(void *arg)
{
	/* a new thread starts from a clean state, whatever its creator did */
	*(volatile int *)arg = get_mxcsr() == 0x1f80 && get_xmm8() == 0;
}

static int case_fresh_state(const char **why)
{
	volatile int ok = 0;
	uint32_t saved = get_mxcsr();
	struct uk_thread *t;

	set_mxcsr(0x1f80 | 0x6000);
	set_xmm8(0xdead);
	t = uk_thread_create("fresh", fresh_state_fn, (void *)&ok);
	CASE_CHECK(t && uk_thread_join(t) == 0, "create/join failed");
	set_mxcsr(saved);
	CASE_CHECK(ok, "new thread inherited SSE state");
	return 1;
}

/* ---- cost of a switch (yield between two threads) ---- */

#define PINGS 20000

static void pinger(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < PINGS; i++)
		uk_sched_yield();
}

static int case_switch_cost(const char **why)
{
	struct uk_thread *a, *b;
	uint64_t t0, n0, dt, n;

	t0 = ukplat_monotonic_clock();
	n0 = uk_sched_get_default()->nr_switches;
	a = uk_thread_create("ping", pinger, NULL);
	b = uk_thread_create("pong", pinger, NULL);
	CASE_CHECK(a && b && uk_thread_join(a) == 0 && uk_thread_join(b) == 0, "threads failed");
	dt = ukplat_monotonic_clock() - t0;
	n = uk_sched_get_default()->nr_switches - n0;
	CASE_CHECK(n >= 2 * PINGS, "fewer switches than yields");
	sched_case_switch_ns = dt / n;
	return 1;
}

const struct sched_case sched_cases[] = {
    {"create_join", case_create_join},
    {"many_threads", case_many_threads},
    {"exit_and_detach", case_exit_and_detach},
    {"yield_fairness", case_yield_fairness},
    {"sleep_order", case_sleep_order},
    {"sleep_accuracy", case_sleep_accuracy},
    {"waitq", case_waitq},
    {"thread_state", case_thread_state},
    {"fresh_state", case_fresh_state},
    {"switch_cost", case_switch_cost},
    {NULL, NULL},
};
