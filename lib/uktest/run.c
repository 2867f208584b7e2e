/* SPDX-License-Identifier: BSD-3-Clause */
/* The test runner: every suite of .uk_testtab, one line per case */
#include <stdarg.h>
#include <uk/fmt.h>
#include <uk/test.h>
#include <uk/plat/console.h>

extern const struct uk_testsuite *const __uk_testtab_start[], *const __uk_testtab_end[];

/* Written straight to the console: the protocol must not depend on printk's level */
static void out(const char *fmt, ...)
{
	char buf[300];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = uk_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf))
		n = (int)sizeof(buf) - 1;
	ukplat_coutk(buf, (unsigned int)n);
}

static int same_suite(const struct uk_testsuite *a, const struct uk_testsuite *b)
{
	return uk_test_streq(a->suite, b->suite);
}

/* Cases run file by file (in link order), by line within a file */
struct case_key {
	long file; /* index of the first record of the same file */
	unsigned int line;
	long idx;
};

static struct case_key key_of(const struct uk_testsuite *const *t, long i)
{
	struct case_key k = {i, t[i]->line, i};
	long j;

	for (j = 0; j < i; j++) {
		if (uk_test_streq(t[j]->file, t[i]->file)) {
			k.file = j;
			break;
		}
	}
	return k;
}

static int key_less(struct case_key a, struct case_key b)
{
	if (a.file != b.file)
		return a.file < b.file;
	if (a.line != b.line)
		return a.line < b.line;
	return a.idx < b.idx;
}

/* The case following `after` in running order, or -1 (O(n^2): suites are small) */
static long next_case(const struct uk_testsuite *const *t, long n, const struct case_key *after)
{
	struct case_key best = {0, 0, -1}, k;
	long i;

	for (i = 0; i < n; i++) {
		if (!t[i]->name)
			continue;
		k = key_of(t, i);
		if (after && !key_less(*after, k))
			continue;
		if (best.idx < 0 || key_less(k, best))
			best = k;
	}
	return best.idx;
}

static int suite_init(const struct uk_testsuite *const *t, long n)
{
	long i;

	for (i = 0; i < n; i++)
		if (!t[i]->name && t[i]->init)
			return t[i]->init();
	return 0;
}

static int run_case(const struct uk_testsuite *c, int init_err)
{
	struct uk_test_ctx ctx = {0, {0}};

	if (init_err) {
		out("[uktest] FAIL %s.%s: suite init failed (%d)\n", c->suite, c->name, init_err);
		return 1;
	}
	c->fn(&ctx);
	if (!ctx.failed) {
		out("[uktest] PASS %s.%s\n", c->suite, c->name);
		return 0;
	}
	if (ctx.failed > 1)
		out("[uktest] FAIL %s.%s: %s (+%u more)\n", c->suite, c->name, ctx.msg,
		    ctx.failed - 1);
	else
		out("[uktest] FAIL %s.%s: %s\n", c->suite, c->name, ctx.msg);
	return 1;
}

/* Runs the records [t, t+n) of one suite; counts into *pass and *fail */
static void run_suite(const struct uk_testsuite *const *t, long n, int *pass, int *fail)
{
	int err = suite_init(t, n);
	long i = next_case(t, n, NULL);
	struct case_key k;

	while (i >= 0) {
		if (run_case(t[i], err))
			(*fail)++;
		else
			(*pass)++;
		k = key_of(t, i);
		i = next_case(t, n, &k);
	}
}

int uk_test_run_all(void)
{
	const struct uk_testsuite *const *t = __uk_testtab_start;
	/* linker-script bounds of one table: subtracting them is intended */
	// cppcheck-suppress comparePointers
	long total = __uk_testtab_end - __uk_testtab_start, i = 0, j;
	int pass = 0, fail = 0;

	while (i < total) {
		for (j = i + 1; j < total && same_suite(t[i], t[j]); j++)
			;
		run_suite(t + i, j - i, &pass, &fail);
		i = j;
	}
	out("[uktest] %d passed, %d failed\n", pass, fail);
	return fail;
}
