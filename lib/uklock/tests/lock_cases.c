/* SPDX-License-Identifier: BSD-3-Clause */
/* Semaphore, mutex and condition variable cases (see sched_cases.h) */
#include <errno.h>
#include <stdint.h>
#include <uk/condvar.h>
#include <uk/mutex.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/semaphore.h>
#include <uk/thread.h>
#include "sched_cases.h"

#define MS 1000000ULL

/* ---- bounded buffer with semaphores: 1 producer, 3 consumers ---- */

#define SLOTS     4
#define ITEMS     3000
#define CONSUMERS 3

static struct uk_semaphore sem_free, sem_full;
static int ring[SLOTS], ring_in, ring_out;
static long consumed_sum, consumed_n;

static void sem_producer(void *arg)
{
	int i;

	(void)arg;
	for (i = 1; i <= ITEMS; i++) {
		uk_semaphore_down(&sem_free);
		ring[ring_in++ % SLOTS] = i;
		uk_semaphore_up(&sem_full);
	}
	/* one end marker per consumer */
	for (i = 0; i < CONSUMERS; i++) {
		uk_semaphore_down(&sem_free);
		ring[ring_in++ % SLOTS] = 0;
		uk_semaphore_up(&sem_full);
	}
}

static void sem_consumer(void *arg)
{
	int v;

	(void)arg;
	for (;;) {
		uk_semaphore_down(&sem_full);
		v = ring[ring_out++ % SLOTS];
		uk_semaphore_up(&sem_free);
		if (!v)
			return;
		consumed_sum += v;
		consumed_n++;
		if (v % 7 == 0)
			uk_sched_yield(); /* mix up the interleaving */
	}
}

static int case_semaphore_pc(const char **why)
{
	struct uk_thread *t[CONSUMERS + 1];
	int i;

	uk_semaphore_init(&sem_free, SLOTS);
	uk_semaphore_init(&sem_full, 0);
	ring_in = ring_out = 0;
	consumed_sum = consumed_n = 0;
	for (i = 0; i < CONSUMERS; i++)
		t[i] = uk_thread_create("consumer", sem_consumer, NULL);
	t[CONSUMERS] = uk_thread_create("producer", sem_producer, NULL);
	for (i = 0; i <= CONSUMERS; i++)
		CASE_CHECK(t[i] && uk_thread_join(t[i]) == 0, "create/join failed");
	CASE_CHECK(consumed_n == ITEMS, "items lost or duplicated");
	CASE_CHECK(consumed_sum == (long)ITEMS * (ITEMS + 1) / 2, "wrong items consumed");
	CASE_CHECK(sem_free.count == SLOTS && sem_full.count == 0, "counts off at the end");
	return 1;
}

static int case_semaphore_timeout(const char **why)
{
	struct uk_semaphore s;
	uint64_t t0;

	uk_semaphore_init(&s, 1);
	CASE_CHECK(uk_semaphore_down_try(&s) == 1, "try on 1 failed");
	CASE_CHECK(uk_semaphore_down_try(&s) == 0, "try on 0 succeeded");
	t0 = ukplat_monotonic_clock();
	CASE_CHECK(uk_semaphore_down_to(&s, 5 * MS) == -ETIMEDOUT, "no timeout");
	CASE_CHECK(ukplat_monotonic_clock() - t0 >= 5 * MS, "timed out early");
	uk_semaphore_up(&s);
	CASE_CHECK(uk_semaphore_down_to(&s, 5 * MS) == 0 && s.count == 0, "down_to failed");
	return 1;
}

/* ---- mutex: exclusion across yields ---- */

static struct uk_mutex mtx;
static volatile int in_critical, overlap;
static volatile long mtx_counter;

static void mutex_fn(void *arg)
{
	long v;
	int i;

	(void)arg;
	for (i = 0; i < 200; i++) {
		uk_mutex_lock(&mtx);
		if (in_critical)
			overlap = 1;
		in_critical = 1;
		v = mtx_counter;
		uk_sched_yield(); /* others run, and must not get in */
		mtx_counter = v + 1;
		in_critical = 0;
		uk_mutex_unlock(&mtx);
		uk_sched_yield();
	}
}

static int case_mutex(const char **why)
{
	struct uk_thread *t[4];
	int i;

	uk_mutex_init(&mtx);
	mtx_counter = 0;
	overlap = 0;
	for (i = 0; i < 4; i++)
		t[i] = uk_thread_create("mutex", mutex_fn, NULL);
	for (i = 0; i < 4; i++)
		CASE_CHECK(t[i] && uk_thread_join(t[i]) == 0, "create/join failed");
	CASE_CHECK(!overlap, "two threads inside the mutex");
	CASE_CHECK(mtx_counter == 800, "updates lost");
	CASE_CHECK(!uk_mutex_is_locked(&mtx), "left locked");
	return 1;
}

static volatile int rec_got;

static void rec_fn(void *arg)
{
	(void)arg;
	uk_mutex_lock(&mtx);
	rec_got = 1;
	uk_mutex_unlock(&mtx);
}

static int case_mutex_recursive(const char **why)
{
	struct uk_thread *t;

	uk_mutex_init_recursive(&mtx);
	rec_got = 0;
	uk_mutex_lock(&mtx);
	uk_mutex_lock(&mtx);
	CASE_CHECK(uk_mutex_trylock(&mtx) == 1 && mtx.depth == 3, "owner could not relock");
	t = uk_thread_create("rec", rec_fn, NULL);
	CASE_CHECK(t, "create failed");
	uk_mutex_unlock(&mtx);
	uk_mutex_unlock(&mtx);
	uk_sched_yield();
	CASE_CHECK(!rec_got, "other thread got in before the last unlock");
	uk_mutex_unlock(&mtx);
	CASE_CHECK(uk_thread_join(t) == 0 && rec_got, "other thread never got the mutex");
	uk_mutex_init(&mtx);
	CASE_CHECK(uk_mutex_trylock(&mtx) == 1 && uk_mutex_trylock(&mtx) == 0,
	           "plain mutex relocked by its owner");
	uk_mutex_unlock(&mtx);
	return 1;
}

/* ---- condition variables ---- */

static struct uk_condvar cv;
static int queue_items, cv_done, cv_woken;
static long cv_sum;

static void cv_consumer(void *arg)
{
	(void)arg;
	uk_mutex_lock(&mtx);
	for (;;) {
		while (!queue_items && !cv_done)
			uk_condvar_wait(&cv, &mtx);
		if (!queue_items)
			break;
		queue_items--;
		cv_sum++;
	}
	uk_mutex_unlock(&mtx);
}

static int case_condvar_pc(const char **why)
{
	struct uk_thread *t[3];
	int i;

	uk_mutex_init(&mtx);
	uk_condvar_init(&cv);
	queue_items = cv_done = 0;
	cv_sum = 0;
	for (i = 0; i < 3; i++)
		t[i] = uk_thread_create("cv", cv_consumer, NULL);
	for (i = 0; i < 1000; i++) {
		uk_mutex_lock(&mtx);
		queue_items++;
		uk_condvar_signal(&cv);
		uk_mutex_unlock(&mtx);
		if (i % 3 == 0)
			uk_sched_yield();
	}
	uk_mutex_lock(&mtx);
	cv_done = 1;
	uk_condvar_broadcast(&cv);
	uk_mutex_unlock(&mtx);
	for (i = 0; i < 3; i++)
		CASE_CHECK(t[i] && uk_thread_join(t[i]) == 0, "create/join failed");
	CASE_CHECK(cv_sum == 1000 && queue_items == 0, "items lost");
	return 1;
}

static void cv_waiter(void *arg)
{
	(void)arg;
	uk_mutex_lock(&mtx);
	while (!cv_done)
		uk_condvar_wait(&cv, &mtx);
	cv_woken++;
	uk_mutex_unlock(&mtx);
}

static int case_condvar_broadcast(const char **why)
{
	struct uk_thread *t[5];
	int i;

	uk_mutex_init(&mtx);
	uk_condvar_init(&cv);
	cv_done = cv_woken = 0;
	for (i = 0; i < 5; i++)
		t[i] = uk_thread_create("bcast", cv_waiter, NULL);
	uk_sched_yield();
	CASE_CHECK(cv_woken == 0, "waiters did not wait");
	uk_mutex_lock(&mtx);
	cv_done = 1;
	uk_condvar_broadcast(&cv);
	uk_mutex_unlock(&mtx);
	for (i = 0; i < 5; i++)
		CASE_CHECK(t[i] && uk_thread_join(t[i]) == 0, "create/join failed");
	CASE_CHECK(cv_woken == 5, "broadcast did not wake everyone");
	return 1;
}

static int case_condvar_timedwait(const char **why)
{
	uint64_t t0;
	int rc;

	uk_mutex_init_recursive(&mtx);
	uk_condvar_init(&cv);
	uk_mutex_lock(&mtx);
	uk_mutex_lock(&mtx);
	t0 = ukplat_monotonic_clock();
	rc = uk_condvar_timedwait(&cv, &mtx, t0 + 5 * MS);
	CASE_CHECK(rc == -ETIMEDOUT, "no timeout");
	CASE_CHECK(ukplat_monotonic_clock() - t0 >= 5 * MS, "timed out early");
	CASE_CHECK(mtx.owner == uk_thread_current() && mtx.depth == 2, "mutex not taken back");
	uk_mutex_unlock(&mtx);
	uk_mutex_unlock(&mtx);
	CASE_CHECK(!uk_mutex_is_locked(&mtx), "mutex still held");
	return 1;
}

const struct sched_case lock_cases[] = {
    {"semaphore_producer_consumer", case_semaphore_pc},
    {"semaphore_timeout", case_semaphore_timeout},
    {"mutex_exclusion", case_mutex},
    {"mutex_recursive", case_mutex_recursive},
    {"condvar_producer_consumer", case_condvar_pc},
    {"condvar_broadcast", case_condvar_broadcast},
    {"condvar_timedwait", case_condvar_timedwait},
    {NULL, NULL},
};
