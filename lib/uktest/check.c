/* SPDX-License-Identifier: BSD-3-Clause */
/* Recording expectations */
#include <stdarg.h>
#include <uk/fmt.h>
#include <uk/test.h>

int uk_test_check(struct uk_test_ctx *ctx, int ok, const char *file, unsigned int line,
                  const char *fmt, ...)
{
	va_list ap;
	int n;

	if (ok)
		return 1;
	if (ctx->failed++ == 0) {
		n = uk_snprintf(ctx->msg, sizeof(ctx->msg), "%s:%u: ", file, line);
		if (n < 0 || n >= (int)sizeof(ctx->msg))
			n = 0;
		va_start(ap, fmt);
		uk_vsnprintf(ctx->msg + n, sizeof(ctx->msg) - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return 0;
}

int uk_test_streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}
