/* Allocation that cannot fail: a host CLI out of memory has nothing better to do than stop. */
#ifndef UNIKIT_XALLOC_H
#define UNIKIT_XALLOC_H

#include <stddef.h>

#include "log.h"

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) UNIKIT_PRINTF(1, 2);

#endif
