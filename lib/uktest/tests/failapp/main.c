/* SPDX-License-Identifier: BSD-3-Clause */
/* One case that passes and one that fails on purpose: the runner must say so */
#include <stdio.h>
#include <uk/test.h>

UK_TESTCASE(failapp, passes)
{
	UK_TEST_EXPECT_SNUM_EQ(2 + 2, 4);
}

UK_TESTCASE(failapp, fails)
{
	int two = 2;

	UK_TEST_EXPECT_SNUM_EQ(two, 3);
}

int main(void)
{
	printf("main reached\n");
	return 0;
}
