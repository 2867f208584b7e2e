/* SPDX-License-Identifier: BSD-3-Clause */
/* snprintf on top of the formatting engine */
#include <uk/fmt.h>

struct buf_sink {
	char *buf;
	size_t size; /* room for text, the NUL excluded */
	size_t used;
};

static void buf_out(void *arg, const char *s, size_t len)
{
	struct buf_sink *b = arg;
	size_t i;

	for (i = 0; i < len && b->used < b->size; i++)
		b->buf[b->used++] = s[i];
}

int uk_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf_sink b = {buf, size ? size - 1 : 0, 0};
	int n = uk_vformat(buf_out, &b, fmt, ap);

	if (size)
		buf[b.used] = '\0';
	return n;
}

int uk_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = uk_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
