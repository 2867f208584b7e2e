/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-kernel unit tests, KUnit style.
 *
 *   #include <uk/test.h>
 *
 *   UK_TESTCASE(mysuite, adds_up)
 *   {
 *           UK_TEST_EXPECT_SNUM_EQ(1 + 1, 2);
 *   }
 *   uk_testsuite_register(mysuite, NULL);   (optional: an init hook)
 *
 * With CONFIG_LIBUKTEST the runner (late init level) runs every suite,
 * prints one line per case, `[uktest] PASS suite.case` or
 * `[uktest] FAIL suite.case: file.c:42: <first failed expectation>`, then
 * `[uktest] N passed, N failed` and (LIBUKTEST_POWEROFF) powers off with
 * status 0 if all passed, 1 if not.
 *
 * Each case is registered through a pointer in section .uk_testtab.<suite>
 * (contracts.md section 3); cases of a suite run in source order: file by
 * file in link order, by line within a file.
 */
#ifndef UK_TEST_H
#define UK_TEST_H

#include <stddef.h>

/* What a running case reports into */
struct uk_test_ctx {
	unsigned int failed; /* failed expectations */
	char msg[200];       /* the first failure */
};

/*
 * One registration record of a suite: a case (name != NULL, fn) or the
 * suite's init hook (name == NULL, init, which may itself be NULL).
 */
struct uk_testsuite {
	const char *suite;
	const char *name;
	void (*fn)(struct uk_test_ctx *ctx);
	int (*init)(void);
	const char *file;
	unsigned int line;
};

#define UK_TEST_STR_(x) #x
#define UK_TEST_STR(x)  UK_TEST_STR_(x)
#ifdef __BASENAME__
#define UK_TEST_FILE UK_TEST_STR(__BASENAME__)
#else
#define UK_TEST_FILE __FILE__
#endif

#define UK_TEST_RECORD_(suite, id, rec)                                                            \
	static const struct uk_testsuite *const id##_ptr                                           \
	    __attribute__((used, section(".uk_testtab." #suite))) = &(rec)

#define UK_TESTCASE(suite, cname)                                                                  \
	static void __uk_test_##suite##_##cname(struct uk_test_ctx *__uk_test_ctx);                \
	static const struct uk_testsuite __uk_testrec_##suite##_##cname = {                        \
	    #suite, #cname, __uk_test_##suite##_##cname, NULL, UK_TEST_FILE, __LINE__};            \
	UK_TEST_RECORD_(suite, __uk_testrec_##suite##_##cname, __uk_testrec_##suite##_##cname);    \
	static void __uk_test_##suite##_##cname(struct uk_test_ctx *__uk_test_ctx                  \
	                                        __attribute__((unused)))

/* initfn: int (*)(void), run before the suite's cases; non-zero fails them all */
#define uk_testsuite_register(suite, initfn)                                                       \
	static const struct uk_testsuite __uk_testsuite_##suite = {#suite, NULL,         NULL,     \
	                                                           initfn, UK_TEST_FILE, 0};       \
	UK_TEST_RECORD_(suite, __uk_testsuite_##suite, __uk_testsuite_##suite)

/* Records a failed expectation (the first one is what the FAIL line shows); returns ok */
int uk_test_check(struct uk_test_ctx *ctx, int ok, const char *file, unsigned int line,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#define UK_TEST_CHECK_(ok, fmt, ...)                                                               \
	uk_test_check(__uk_test_ctx, (ok), UK_TEST_FILE, __LINE__, fmt, ##__VA_ARGS__)

#define UK_TEST_EXPECT(cond) UK_TEST_CHECK_(!!(cond), "expected %s", #cond)

/* Like EXPECT, but ends the case at once on failure */
#define UK_TEST_ASSERT(cond)                                                                       \
	do {                                                                                       \
		if (!UK_TEST_CHECK_(!!(cond), "assertion %s failed", #cond))                       \
			return;                                                                    \
	} while (0)

#define UK_TEST_EXPECT_SNUM_OP_(a, op, b)                                                          \
	do {                                                                                       \
		long long __a = (long long)(a), __b = (long long)(b);                              \
		UK_TEST_CHECK_(__a op __b, "expected %s " #op " %s (%lld vs %lld)", #a, #b, __a,   \
		               __b);                                                               \
	} while (0)
#define UK_TEST_EXPECT_UNUM_OP_(a, op, b)                                                          \
	do {                                                                                       \
		unsigned long long __a = (unsigned long long)(a), __b = (unsigned long long)(b);   \
		UK_TEST_CHECK_(__a op __b, "expected %s " #op " %s (%llu vs %llu)", #a, #b, __a,   \
		               __b);                                                               \
	} while (0)

#define UK_TEST_EXPECT_SNUM_EQ(a, b) UK_TEST_EXPECT_SNUM_OP_(a, ==, b)
#define UK_TEST_EXPECT_SNUM_NE(a, b) UK_TEST_EXPECT_SNUM_OP_(a, !=, b)
#define UK_TEST_EXPECT_SNUM_GT(a, b) UK_TEST_EXPECT_SNUM_OP_(a, >, b)
#define UK_TEST_EXPECT_SNUM_GE(a, b) UK_TEST_EXPECT_SNUM_OP_(a, >=, b)
#define UK_TEST_EXPECT_SNUM_LT(a, b) UK_TEST_EXPECT_SNUM_OP_(a, <, b)
#define UK_TEST_EXPECT_SNUM_LE(a, b) UK_TEST_EXPECT_SNUM_OP_(a, <=, b)
#define UK_TEST_EXPECT_UNUM_EQ(a, b) UK_TEST_EXPECT_UNUM_OP_(a, ==, b)
#define UK_TEST_EXPECT_UNUM_NE(a, b) UK_TEST_EXPECT_UNUM_OP_(a, !=, b)
#define UK_TEST_EXPECT_UNUM_GE(a, b) UK_TEST_EXPECT_UNUM_OP_(a, >=, b)
#define UK_TEST_EXPECT_UNUM_LT(a, b) UK_TEST_EXPECT_UNUM_OP_(a, <, b)
#define UK_TEST_EXPECT_EQ(a, b)      UK_TEST_EXPECT_SNUM_EQ(a, b)
#define UK_TEST_EXPECT_NE(a, b)      UK_TEST_EXPECT_SNUM_NE(a, b)
#define UK_TEST_EXPECT_ZERO(a)       UK_TEST_EXPECT_SNUM_EQ(a, 0)
#define UK_TEST_EXPECT_NOT_ZERO(a)   UK_TEST_EXPECT_SNUM_NE(a, 0)

#define UK_TEST_EXPECT_PTR_EQ(a, b)                                                                \
	do {                                                                                       \
		const void *__a = (a), *__b = (b);                                                 \
		UK_TEST_CHECK_(__a == __b, "expected %s == %s (%p vs %p)", #a, #b, __a, __b);      \
	} while (0)
#define UK_TEST_EXPECT_NULL(a)                                                                     \
	do {                                                                                       \
		const void *__a = (a);                                                             \
		UK_TEST_CHECK_(__a == NULL, "expected %s to be NULL (is %p)", #a, __a);            \
	} while (0)
#define UK_TEST_EXPECT_NOT_NULL(a) UK_TEST_CHECK_((a) != NULL, "expected %s not to be NULL", #a)

/* Strings compared with the test library's own strcmp (no libc needed) */
int uk_test_streq(const char *a, const char *b);
#define UK_TEST_EXPECT_STR_EQ(a, b)                                                                \
	do {                                                                                       \
		const char *__a = (a), *__b = (b);                                                 \
		UK_TEST_CHECK_(uk_test_streq(__a, __b), "expected %s == %s (\"%s\" vs \"%s\")",    \
		               #a, #b, __a, __b);                                                  \
	} while (0)

/* Runs every registered suite; returns the number of failed cases */
int uk_test_run_all(void);

#endif /* UK_TEST_H */
