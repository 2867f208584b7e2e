/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-kernel run of the lock cases in lock_cases.c (the host runs the
 * same cases in sched.test). uktest runs them in the main thread, at the
 * late init level, with the cooperative scheduler already started.
 */
#include <string.h>
#include <uk/print.h>
#include <uk/test.h>
#include "sched_cases.h"

static void run_case(struct uk_test_ctx *ctx, const char *name)
{
	sched_case_run(ctx, lock_cases, name);
}

#define LOCK_TESTCASE(cname)                                                                       \
	UK_TESTCASE(uklock, cname)                                                                 \
	{                                                                                          \
		run_case(__uk_test_ctx, #cname);                                                   \
	}

LOCK_TESTCASE(semaphore_producer_consumer)
LOCK_TESTCASE(semaphore_timeout)
LOCK_TESTCASE(mutex_exclusion)
LOCK_TESTCASE(mutex_recursive)
LOCK_TESTCASE(condvar_producer_consumer)
LOCK_TESTCASE(condvar_broadcast)
LOCK_TESTCASE(condvar_timedwait)
