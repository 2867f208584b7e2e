/* SPDX-License-Identifier: BSD-3-Clause */
/* The formatting engine as compiled for the kernel (freestanding, -O2) */
#include <stdint.h>
#include <uk/fmt.h>
#include <uk/print.h>
#include <uk/test.h>

UK_TESTCASE(ukdebug, snprintf_formats)
{
	char b[96];
	int n = uk_snprintf(b, sizeof(b), "[%5d|%-4s|%#x|%8.3u|%lld|%zu|%c|%%|%p]", -42, "ab", 255,
	                    7u, -9000000000LL, (size_t)3, 'q', (void *)0x10);

	UK_TEST_EXPECT_STR_EQ(b, "[  -42|ab  |0xff|     007|-9000000000|3|q|%|0x10]");
	UK_TEST_EXPECT_SNUM_EQ(n, 49);
}

UK_TESTCASE(ukdebug, snprintf_truncates)
{
	char b[6] = "XXXXX";
	int n = uk_snprintf(b, 4, "%s", "abcdef");

	UK_TEST_EXPECT_STR_EQ(b, "abc");
	UK_TEST_EXPECT_SNUM_EQ(n, 6);
	UK_TEST_EXPECT_SNUM_EQ(b[4], 'X');
}

UK_TESTCASE(ukdebug, filtered_levels_do_not_evaluate)
{
	int evaluated = 0;

	/* the default configuration shows errors only; debug is compiled out */
	uk_pr_debug("%d\n", ++evaluated);
#if UK_PRINT_LEVEL < UK_PRINT_DEBUG
	UK_TEST_EXPECT_SNUM_EQ(evaluated, 0);
#else
	UK_TEST_EXPECT_SNUM_EQ(evaluated, 1);
#endif
}
