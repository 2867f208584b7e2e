/* SPDX-License-Identifier: BSD-3-Clause */
/* Formatting into memory: the engine's snprintf under the C names */
#include <stdio.h>
#include <stdint.h>
#include <uk/fmt.h>

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
{
	return uk_vsnprintf(buf, size, fmt, ap);
}

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = uk_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* unbounded by definition: the caller vouches for the size of buf */
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return uk_vsnprintf(buf, SIZE_MAX / 2, fmt, ap);
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}
