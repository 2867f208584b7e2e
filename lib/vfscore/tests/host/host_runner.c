/* SPDX-License-Identifier: BSD-3-Clause */
/* Runs the test cases that registered (in registration order), uktest style */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <uk/test.h>

static const struct uk_testsuite *recs[512];
static int nrecs;

void host_test_add(const struct uk_testsuite *rec)
{
	if (nrecs < 512)
		recs[nrecs++] = rec;
}

int uk_test_check(struct uk_test_ctx *ctx, int ok, const char *file, unsigned int line,
                  const char *fmt, ...)
{
	va_list ap;
	int n;

	if (ok)
		return 1;
	if (!ctx->failed++) {
		n = snprintf(ctx->msg, sizeof(ctx->msg), "%s:%u: ", file, line);
		va_start(ap, fmt);
		vsnprintf(ctx->msg + n, sizeof(ctx->msg) - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return 0;
}

int uk_test_streq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static int suite_init(const char *suite)
{
	for (int i = 0; i < nrecs; i++)
		if (!recs[i]->name && !strcmp(recs[i]->suite, suite) && recs[i]->init)
			return recs[i]->init();
	return 0;
}

int main(int argc, char **argv)
{
	int failed = 0;

	for (int i = 0; i < nrecs; i++) {
		struct uk_test_ctx ctx = {0};
		const struct uk_testsuite *r = recs[i];

		if (!r->name || (argc > 1 && !strstr(r->name, argv[1])))
			continue;
		if (suite_init(r->suite)) {
			snprintf(ctx.msg, sizeof(ctx.msg), "suite init failed");
			ctx.failed = 1;
		} else {
			r->fn(&ctx);
		}
		if (ctx.failed)
			printf("FAIL %s.%s: %s\n", r->suite, r->name, ctx.msg);
		else
			printf("PASS %s.%s\n", r->suite, r->name);
		failed += ctx.failed != 0;
		fflush(stdout);
	}
	return failed ? 1 : 0;
}
