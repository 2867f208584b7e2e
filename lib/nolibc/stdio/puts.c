/* SPDX-License-Identifier: BSD-3-Clause */
/* Unformatted output */
#include <stdio.h>
#include <string.h>
#include "stdio_impl.h"

int fputs(const char *restrict s, FILE *restrict f)
{
	return __nolibc_fwrite(f, s, strlen(s)) ? EOF : 0;
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 0;
}

int fputc(int c, FILE *f)
{
	char ch = (char)c;

	return __nolibc_fwrite(f, &ch, 1) ? EOF : (unsigned char)c;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	if (!size || !n)
		return 0;
	if (n > (size_t)-1 / size)
		return 0;
	return __nolibc_fwrite(f, p, size * n) ? 0 : n;
}
