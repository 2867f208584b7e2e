/* SPDX-License-Identifier: BSD-3-Clause */
/* Handlers run for signals the program sends itself; masks defer them */
#include <errno.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static volatile int got_usr1, got_usr2_info, got_alrm;

static void on_alrm(int sig)
{
	got_alrm += sig == SIGALRM;
}

/* SIGALRM from the interval timer: pause() and sleeps are interrupted */
static int check_timers(void)
{
	struct itimerval it = {{0, 0}, {0, 20000}}, off = {{0, 0}, {0, 0}};
	struct timespec req = {5, 0}, rem = {0, 0};
	int fails = 0, r, e, i;
	unsigned int left;

	signal(SIGALRM, on_alrm);
	setitimer(ITIMER_REAL, &it, NULL);
	r = pause();
	e = errno;
	fails += check(r == -1 && e == EINTR && got_alrm == 1, "signals.setitimer_pause",
	               "pause %d errno %d, %d alarms", r, e, got_alrm);

	it.it_value.tv_usec = 30000;
	setitimer(ITIMER_REAL, &it, NULL);
	r = nanosleep(&req, &rem);
	e = errno;
	fails += check(r == -1 && e == EINTR && got_alrm == 2 && rem.tv_sec >= 4,
	               "signals.timer_interrupts_nanosleep", "r %d errno %d rem %ld, %d alarms", r,
	               e, (long)rem.tv_sec, got_alrm);

	it.it_interval.tv_usec = 10000;
	it.it_value.tv_usec = 10000;
	setitimer(ITIMER_REAL, &it, NULL);
	for (i = 0; i < 3; i++)
		pause();
	setitimer(ITIMER_REAL, &off, NULL);
	fails += check(got_alrm == 5, "signals.periodic_timer", "%d alarms, want 5", got_alrm);

	alarm(10);
	left = alarm(0);
	fails += check(left == 10, "signals.alarm_remaining", "%u", left);
	return fails;
}

static void on_usr1(int sig)
{
	got_usr1 += sig == SIGUSR1;
}

static void on_usr2(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	got_usr2_info += sig == SIGUSR2 && si && si->si_signo == SIGUSR2;
}

int check_signals(void)
{
	struct sigaction sa, old;
	sigset_t set;
	int fails = 0, before;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	fails += check(!sigaction(SIGUSR1, &sa, NULL), "signals.sigaction", "failed");
	fails += check(!sigaction(SIGUSR1, NULL, &old) && old.sa_handler == on_usr1,
	               "signals.sigaction_recorded", "old handler differs");
	raise(SIGUSR1);
	fails += check(got_usr1 == 1, "signals.raise_delivers", "handler ran %d times", got_usr1);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	before = got_usr1;
	raise(SIGUSR1);
	fails += check(got_usr1 == before, "signals.blocked_is_deferred", "ran while blocked");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	fails += check(got_usr1 == before + 1, "signals.unblock_delivers", "not delivered");

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr2;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	kill(getpid(), SIGUSR2);
	fails += check(got_usr2_info == 1, "signals.kill_self_siginfo", "ran %d", got_usr2_info);

	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	fails += check(got_usr1 == before + 1, "signals.ignored", "handler ran");
	return fails + check_timers();
}
