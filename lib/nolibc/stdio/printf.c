/* SPDX-License-Identifier: BSD-3-Clause */
/* The printf family on the shared engine of lib/ukdebug (<uk/fmt.h>) */
#include <stdio.h>
#include <uk/fmt.h>
#include "stdio_impl.h"

/* Collects output in a small buffer so the console sees few large writes */
struct stream_sink {
	FILE *f;
	char buf[128];
	size_t used;
	int err;
};

static void flush_sink(struct stream_sink *k)
{
	if (k->used && __nolibc_fwrite(k->f, k->buf, k->used))
		k->err = 1;
	k->used = 0;
}

static void stream_out(void *arg, const char *s, size_t len)
{
	struct stream_sink *k = arg;

	while (len--) {
		if (k->used == sizeof(k->buf))
			flush_sink(k);
		k->buf[k->used++] = *s++;
	}
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct stream_sink k = {.f = f};
	int n = uk_vformat(stream_out, &k, fmt, ap);

	flush_sink(&k);
	return k.err ? -1 : n;
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}
