#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "must.h"

static void *checked(void *p)
{
	if (!p) {
		log_err("out of memory");
		exit(UNIKIT_EXIT_FAIL);
	}
	return p;
}

void *must_malloc(size_t n)
{
	return checked(malloc(n ? n : 1));
}

void *must_calloc(size_t n, size_t size)
{
	return checked(calloc(n ? n : 1, size ? size : 1));
}

void *must_realloc(void *p, size_t n)
{
	return checked(realloc(p, n ? n : 1));
}

char *must_strdup(const char *s)
{
	return checked(strdup(s));
}

char *must_strndup(const char *s, size_t n)
{
	return checked(strndup(s, n));
}

char *must_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int r;

	va_start(ap, fmt);
	r = vasprintf(&s, fmt, ap);
	va_end(ap);
	return checked(r < 0 ? NULL : s);
}
