/* SPDX-License-Identifier: BSD-3-Clause */
/* string.h/ctype.h as compiled for the kernel (the host test covers the details) */
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <uk/test.h>

UK_TESTCASE(nolibc_string, mem_functions)
{
	char a[32], b[32];

	memset(a, 'x', sizeof(a));
	UK_TEST_EXPECT_SNUM_EQ(a[31], 'x');
	memcpy(b, "hello, world", 13);
	UK_TEST_EXPECT_STR_EQ(b, "hello, world");
	memmove(b + 2, b, 13);
	UK_TEST_EXPECT_STR_EQ(b + 2, "hello, world");
	memmove(b, b + 2, 13);
	UK_TEST_EXPECT_STR_EQ(b, "hello, world");
	UK_TEST_EXPECT_SNUM_LT(memcmp("abc", "abd", 3), 0);
	UK_TEST_EXPECT_PTR_EQ(memchr(b, 'w', 12), b + 7);
}

UK_TESTCASE(nolibc_string, str_functions)
{
	char buf[32] = "foo";

	UK_TEST_EXPECT_UNUM_EQ(strlen("hello"), 5);
	strcat(buf, "bar");
	UK_TEST_EXPECT_STR_EQ(buf, "foobar");
	UK_TEST_EXPECT_SNUM_EQ(strcmp("a", "a"), 0);
	UK_TEST_EXPECT_SNUM_GT(strcmp("b", "a"), 0);
	UK_TEST_EXPECT_SNUM_EQ(strncmp("abcx", "abcy", 3), 0);
	UK_TEST_EXPECT_SNUM_EQ(strcasecmp("HeLLo", "hello"), 0);
	UK_TEST_EXPECT_STR_EQ(strchr("a=b", '='), "=b");
	UK_TEST_EXPECT_STR_EQ(strrchr("a/b/c", '/'), "/c");
	UK_TEST_EXPECT_STR_EQ(strstr("nginx.conf", ".co"), ".conf");
	UK_TEST_EXPECT_NULL(strstr("abc", "x"));
	UK_TEST_EXPECT_UNUM_EQ(strspn("aab", "a"), 2);
	UK_TEST_EXPECT_UNUM_EQ(strcspn("abc", "c"), 2);
}

UK_TESTCASE(nolibc_string, ctype_ascii)
{
	UK_TEST_EXPECT(isdigit('7') && !isdigit('a'));
	UK_TEST_EXPECT(isspace(' ') && isspace('\n') && !isspace('x'));
	UK_TEST_EXPECT_SNUM_EQ(toupper('q'), 'Q');
	UK_TEST_EXPECT_SNUM_EQ(tolower('Q'), 'q');
	UK_TEST_EXPECT(isxdigit('F') && !isxdigit('g'));
}
