/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Runs the scheduler and lock cases on the host: buddy + slab allocators
 * over a malloc'd arena, the cooperative scheduler, and a runner thread.
 * "guard" makes a thread overflow its stack instead (expected: SIGSEGV on
 * the guard page).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#include <uk/allocslab.h>
#include <uk/plat/time.h>
#include <uk/mutex.h>
#include <uk/sched.h>
#include <uk/schedcoop.h>
#include <uk/thread.h>
#include "sched_cases.h"

extern unsigned long host_halts;
static int failures;

static void run(const char *suite, const struct sched_case *c)
{
	const char *why;

	for (; c->name; c++) {
		why = "";
		if (c->fn(&why))
			printf("PASS %s.%s\n", suite, c->name);
		else {
			printf("FAIL %s.%s: %s\n", suite, c->name, why);
			failures++;
		}
		fflush(stdout);
	}
}

static double cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 +
	       ru.ru_stime.tv_usec / 1e3;
}

/* all threads asleep: the idle thread must halt, not spin */
static void idle_check(void)
{
	unsigned long halts = host_halts;
	double c0 = cpu_ms();

	uk_sched_sleep_ns(300000000ULL);
	c0 = cpu_ms() - c0;
	printf("# host idle: %.1f ms CPU during a 300 ms sleep\n", c0);
	if (host_halts > halts && c0 < 30)
		printf("PASS sched.idle_halts\n");
	else {
		printf("FAIL sched.idle_halts: %.1f ms CPU, %lu halts\n", c0, host_halts - halts);
		failures++;
	}
}

static volatile uintptr_t deepest;

/* bounded only by a limit far beyond any stack, to keep the compiler quiet */
static void recurse(long depth)
{
	volatile char buf[512];

	buf[0] = (char)depth;
	deepest = (uintptr_t)buf;
	if (depth < (1L << 40))
		recurse(depth + 1);
	buf[1] = 0;
}

static void overflow_fn(void *arg)
{
	(void)arg;
	recurse(0);
}

static uintptr_t guard_lo;

/* on its own stack: the faulting one is unusable. 42: the fault hit the
 * guard page exactly; 43: it hit something else */
static void segv_handler(int sig, siginfo_t *si, void *uc)
{
	uintptr_t a = (uintptr_t)si->si_addr;

	(void)sig, (void)uc;
	_exit(a >= guard_lo && a < guard_lo + 4096 ? 42 : 43);
}

static void catch_overflow(void)
{
	static char altstack[65536];
	stack_t ss = {.ss_sp = altstack, .ss_size = sizeof(altstack)};
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = segv_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaltstack(&ss, NULL);
	sigaction(SIGSEGV, &sa, NULL);
}

static void runner(void *arg)
{
	struct uk_thread *t;

	if (arg) {
		catch_overflow();
		t = uk_thread_create("overflow", overflow_fn, NULL);
		guard_lo = (uintptr_t)t->stack;
		uk_thread_join(t);
		printf("FAIL sched.guard_page: overflow went unnoticed\n");
		exit(1);
	}
	run("sched", sched_cases);
	run("lock", lock_cases);
	printf("# host context switch (yield between two threads): %lu ns; sleep wake-up at most "
	       "%lu us late\n",
	       (unsigned long)sched_case_switch_ns, (unsigned long)(sched_case_late_max_ns / 1000));
	idle_check();
	exit(failures ? 1 : 0);
}

/* before uk_sched_start there is no thread to block: sleeping must still work */
static void early_sleep(void)
{
	uint64_t t0 = ukplat_monotonic_clock();

	uk_sched_sleep_ns(10000000);
	if (ukplat_monotonic_clock() - t0 >= 10000000)
		printf("PASS sched.sleep_before_start\n");
	else {
		printf("FAIL sched.sleep_before_start: returned early\n");
		failures++;
	}
}

/* boot code may take mutexes before there is any thread */
static void early_mutex(void)
{
	struct uk_mutex m;
	int ok;

	uk_mutex_init(&m);
	uk_mutex_lock(&m);
	ok = uk_mutex_is_locked(&m) && !uk_mutex_trylock(&m);
	uk_mutex_unlock(&m);
	ok = ok && !uk_mutex_is_locked(&m);
	printf("%s sched.mutex_before_start%s\n", ok ? "PASS" : "FAIL",
	       ok ? "" : ": lock state wrong");
	failures += !ok;
}

int main(int argc, char **argv)
{
	size_t len = 64 << 20;
	char *mem = aligned_alloc(4096, len);
	struct uk_alloc *a = uk_allocslab_init(uk_allocbbuddy_init(mem, len));
	struct uk_sched *s;

	uk_alloc_set_default(a);
	s = uk_sched_create_coop(a);
	early_sleep();
	early_mutex();
	if (!s || !uk_thread_create("runner", runner,
	                            (void *)(uintptr_t)(argc > 1 && !strcmp(argv[1], "guard")))) {
		printf("FAIL sched.setup: no scheduler\n");
		return 1;
	}
	uk_sched_start(s);
}
