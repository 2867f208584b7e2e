/* SPDX-License-Identifier: BSD-3-Clause */
/* Cases with known outcomes; runner_host.c compares the runner's output */
#include <stddef.h>
#include <uk/test.h>

static int inited;

static int zeta_init(void)
{
	inited = 42;
	return 0;
}
uk_testsuite_register(zeta, zeta_init);

UK_TESTCASE(zeta, second_by_line_first_by_name)
{
	UK_TEST_EXPECT_SNUM_EQ(inited, 42);
}

UK_TESTCASE(zeta, a_runs_after)
{
	int x = 3;

	UK_TEST_EXPECT_SNUM_EQ(x, 4);
}

UK_TESTCASE(alpha, all_kinds_pass)
{
	int v = 7;
	const char *s = "abc";

	UK_TEST_EXPECT(v == 7);
	UK_TEST_EXPECT_EQ(v, 7);
	UK_TEST_EXPECT_NE(v, 8);
	UK_TEST_EXPECT_UNUM_EQ(4000000000u, 4000000000u);
	UK_TEST_EXPECT_SNUM_LT(-1, 0);
	UK_TEST_EXPECT_ZERO(0);
	UK_TEST_EXPECT_NOT_ZERO(v);
	UK_TEST_EXPECT_NULL(NULL);
	UK_TEST_EXPECT_NOT_NULL(s);
	UK_TEST_EXPECT_PTR_EQ(s, s);
	UK_TEST_EXPECT_STR_EQ(s, "abc");
}

UK_TESTCASE(alpha, several_failures)
{
	UK_TEST_EXPECT_STR_EQ("x", "y");
	UK_TEST_EXPECT_UNUM_EQ(1u, 2u);
	UK_TEST_ASSERT(0);
	UK_TEST_EXPECT(0); /* not reached: the assertion ended the case */
}
