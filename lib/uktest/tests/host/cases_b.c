/* SPDX-License-Identifier: BSD-3-Clause */
/* A second object: suite "alpha" continues here, suite "broken" cannot init */
#include <errno.h>
#include <uk/test.h>

UK_TESTCASE(alpha, from_other_file)
{
	UK_TEST_EXPECT(1);
}

static int broken_init(void)
{
	return -ENODEV;
}
uk_testsuite_register(broken, broken_init);

UK_TESTCASE(broken, never_runs)
{
	UK_TEST_EXPECT(0);
}
