/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Scheduler and lock test cases written once and run twice: by the host
 * harness (host_sched.c, under sched.test) and inside the kernel through
 * lib/uktest (test_sched.c, test_lock.c). A case returns 1 on success, or 0
 * with *why saying what went wrong. Cases run in a thread and must leave no
 * thread behind.
 */
#ifndef SCHED_CASES_H
#define SCHED_CASES_H

#include <stdint.h>

struct sched_case {
	const char *name;
	int (*fn)(const char **why);
};

#define CASE_CHECK(cond, msg)                                                                      \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			*why = (msg);                                                              \
			return 0;                                                                  \
		}                                                                                  \
	} while (0)

extern const struct sched_case sched_cases[];
extern const struct sched_case lock_cases[];

/* how late a sleeper may wake, in ns; see sched_cases.c for the reasoning */
extern uint64_t sched_case_slack_ns;
/* the latest wake-up seen by sleep_accuracy, in ns after the deadline */
extern uint64_t sched_case_late_max_ns;
/* filled by the context switch measurement: ns per switch */
extern uint64_t sched_case_switch_ns;

#ifdef __Unikit__
#include <string.h>
#include <uk/test.h>

/* In-kernel: run the case called name from table as one uktest check. */
static inline void sched_case_run(struct uk_test_ctx *ctx, const struct sched_case *table,
                                  const char *name)
{
	const struct sched_case *c;
	const char *why = "";

	for (c = table; c->name; c++)
		if (!strcmp(c->name, name))
			break;
	if (!c->name) {
		uk_test_check(ctx, 0, __FILE__, __LINE__, "no case %s", name);
		return;
	}
	uk_test_check(ctx, c->fn(&why), __FILE__, __LINE__, "%s", why);
}
#endif

#endif /* SCHED_CASES_H */
