/* SPDX-License-Identifier: BSD-3-Clause */
/* 8 threads increment a mutex-protected counter, with yields and sleeps in between */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define NTHREADS 8
#define ROUNDS   1000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int started;
static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;
/* __thread variables: every thread starts with the initial image */
static __thread int tl_value = 42;
static __thread char tl_zero[256];
static int tl_bad;

static void once_fn(void)
{
	once_runs++;
}

static void *worker(void *arg)
{
	long id = (long)arg;
	int i;

	pthread_once(&once, once_fn);
	if (tl_value != 42 || tl_zero[100])
		tl_bad++;
	tl_value = (int)id;
	tl_zero[100] = 1;
	pthread_setspecific(key, (void *)(id + 1));
	pthread_mutex_lock(&lock);
	started++;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	for (i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		long v = counter;
		/* give the others a chance to break an unprotected update */
		if (i % 100 == 0)
			sched_yield();
		counter = v + 1;
		pthread_mutex_unlock(&lock);
		if (i % 250 == 0)
			usleep(1000);
	}
	if (tl_value != (int)id)
		tl_bad++;
	/* thread-specific data stayed this thread's */
	return (void *)(long)((long)pthread_getspecific(key) == id + 1);
}

int check_threads(void)
{
	pthread_t t[NTHREADS];
	int fails = 0, created = 0, joined_ok = 0;
	void *ret;
	long i;

	if (pthread_key_create(&key, NULL))
		return check(0, "threads.key_create", "failed");
	for (i = 0; i < NTHREADS; i++) {
		int e = pthread_create(&t[i], NULL, worker, (void *)i);

		if (e) {
			fails += check(0, "threads.create", "thread %ld: %d", i, e);
			break;
		}
		created++;
	}
	pthread_mutex_lock(&lock);
	while (started < created)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	for (i = 0; i < created; i++)
		if (!pthread_join(t[i], &ret) && ret == (void *)1L)
			joined_ok++;
	fails += check(created == NTHREADS, "threads.create_8", "created %d", created);
	fails +=
	    check(joined_ok == created, "threads.join_and_tsd", "%d of %d", joined_ok, created);
	fails += check(counter == (long)created * ROUNDS, "threads.mutex_counter",
	               "counter %ld, want %ld", counter, (long)created * ROUNDS);
	fails += check(!tl_bad && tl_value == 42, "threads.thread_local", "%d bad, main's %d",
	               tl_bad, tl_value);
	fails += check(once_runs == 1, "threads.once", "ran %d times", once_runs);
	return fails;
}
