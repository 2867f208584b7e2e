/* SPDX-License-Identifier: BSD-3-Clause */
/* stdio.h: formatting into memory; console output succeeds */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <uk/test.h>

UK_TESTCASE(nolibc_stdio, snprintf_sprintf)
{
	char b[64];

	UK_TEST_EXPECT_SNUM_EQ(snprintf(b, sizeof(b), "%s-%05d-%x", "v", 42, 255), 10);
	UK_TEST_EXPECT_STR_EQ(b, "v-00042-ff");
	UK_TEST_EXPECT_SNUM_EQ(sprintf(b, "%c%c", 'o', 'k'), 2);
	UK_TEST_EXPECT_STR_EQ(b, "ok");
}

UK_TESTCASE(nolibc_stdio, console_writes_report_success)
{
	UK_TEST_EXPECT_SNUM_EQ(printf("nolibc: printf to the console\n"), 30);
	UK_TEST_EXPECT_SNUM_EQ(fprintf(stderr, "nolibc: fprintf(stderr)\n"), 24);
	UK_TEST_EXPECT_SNUM_GE(puts("nolibc: puts"), 0);
	UK_TEST_EXPECT_SNUM_EQ(putchar('\n'), '\n');
	UK_TEST_EXPECT_SNUM_EQ(write(1, "nolibc: write\n", 14), 14);
	UK_TEST_EXPECT_SNUM_EQ(write(7, "x", 1), -1);
	UK_TEST_EXPECT_SNUM_EQ(fputc('x', stdin), EOF);
}

UK_TESTCASE(nolibc_stdio, environment_from_boot)
{
	const char *path = getenv("PATH");

	UK_TEST_ASSERT(path != NULL);
	UK_TEST_EXPECT_STR_EQ(path, "/bin");
	UK_TEST_EXPECT_NULL(getenv("NO_SUCH_VARIABLE"));
}
