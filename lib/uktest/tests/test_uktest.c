/* SPDX-License-Identifier: BSD-3-Clause */
/* The framework checks itself: a failed check is recorded, a passed one is not */
#include <uk/test.h>

static int suite_ready;

static int uktest_init(void)
{
	suite_ready = 1;
	return 0;
}
uk_testsuite_register(uktest, uktest_init);

UK_TESTCASE(uktest, init_hook_ran)
{
	UK_TEST_EXPECT_SNUM_EQ(suite_ready, 1);
}

UK_TESTCASE(uktest, check_records_first_failure)
{
	struct uk_test_ctx inner = {0, {0}};

	UK_TEST_EXPECT_SNUM_EQ(uk_test_check(&inner, 1, "f.c", 1, "fine"), 1);
	UK_TEST_EXPECT_UNUM_EQ(inner.failed, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_test_check(&inner, 0, "f.c", 7, "bad %d", 5), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_test_check(&inner, 0, "f.c", 9, "worse"), 0);
	UK_TEST_EXPECT_UNUM_EQ(inner.failed, 2);
	UK_TEST_EXPECT_STR_EQ(inner.msg, "f.c:7: bad 5");
}
