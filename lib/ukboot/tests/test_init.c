/* SPDX-License-Identifier: BSD-3-Clause */
/* Init levels ran in order and the boot state is what main() will get */
#include <uk/init.h>
#include <uk/test.h>
#include <uk/alloc.h>
#include <uk/sched.h>
#include <uk/thread.h>

static int order[8], norder;

static int record(int id)
{
	if (norder < 8)
		order[norder++] = id;
	return 0;
}

/* registered out of order on purpose: the linker must sort them */
static int late_prio7(void)
{
	return record(4);
}
uk_initcall_prio(late_prio7, late, 7);

static int late_prio1(void)
{
	return record(3);
}
uk_initcall_prio(late_prio1, late, 1);

static int lib_level(void)
{
	return record(2);
}
uk_initcall_lib(lib_level);

static int early_level(void)
{
	return record(1);
}
uk_initcall_early(early_level);

UK_TESTCASE(ukboot, levels_and_priorities_in_order)
{
	UK_TEST_ASSERT(norder == 4);
	UK_TEST_EXPECT_SNUM_EQ(order[0], 1);
	UK_TEST_EXPECT_SNUM_EQ(order[1], 2);
	UK_TEST_EXPECT_SNUM_EQ(order[2], 3);
	UK_TEST_EXPECT_SNUM_EQ(order[3], 4);
}

UK_TESTCASE(ukboot, default_allocator_ready)
{
	struct uk_alloc *a = uk_alloc_get_default();
	void *p;

	UK_TEST_ASSERT(a != NULL);
	p = uk_malloc(a, 1000);
	UK_TEST_EXPECT_NOT_NULL(p);
	uk_free(a, p);
}

UK_TESTCASE(ukboot, late_level_runs_in_main_thread)
{
	/* lib..late run in a scheduled thread, not on the boot stack */
	UK_TEST_EXPECT_NOT_NULL(uk_thread_current());
}

UK_TESTCASE(ukboot, scheduler_allocates_from_default)
{
	struct uk_sched *s = uk_sched_get_default();

	/* created on the page allocator; a default put in front of it at the
	 * lib level (ukallocslab) is what new threads come from afterwards */
	UK_TEST_ASSERT(s != NULL);
	UK_TEST_EXPECT(s->a == uk_alloc_get_default());
}
