/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-kernel run of the scheduler cases in sched_cases.c (the host runs the
 * same cases in sched.test). uktest runs them in the main thread, at the
 * late init level, with the cooperative scheduler already started.
 */
#include <string.h>
#include <uk/print.h>
#include <uk/test.h>
#include "sched_cases.h"

static void run_case(struct uk_test_ctx *ctx, const char *name)
{
	sched_case_run(ctx, sched_cases, name);
}

#define SCHED_TESTCASE(cname)                                                                      \
	UK_TESTCASE(uksched, cname)                                                                \
	{                                                                                          \
		run_case(__uk_test_ctx, #cname);                                                   \
	}

SCHED_TESTCASE(create_join)
SCHED_TESTCASE(many_threads)
SCHED_TESTCASE(exit_and_detach)
SCHED_TESTCASE(yield_fairness)
SCHED_TESTCASE(sleep_order)
UK_TESTCASE(uksched, sleep_accuracy)
{
	run_case(__uk_test_ctx, "sleep_accuracy");
	uk_pr_info("uksched: sleep wake-up at most %lu us late\n",
	           (unsigned long)(sched_case_late_max_ns / 1000));
}

SCHED_TESTCASE(waitq)
SCHED_TESTCASE(thread_state)
SCHED_TESTCASE(fresh_state)

UK_TESTCASE(uksched, switch_cost)
{
	run_case(__uk_test_ctx, "switch_cost");
	/* the figure the host-side boot test reads back */
	uk_pr_info("uksched: context switch %lu ns (yield between two threads)\n",
	           (unsigned long)sched_case_switch_ns);
}
