/* Allocation that cannot fail (named so they never interpose libkconfig-parser's own xmalloc): a
 * host CLI out of memory has nothing better to do than stop. */
#ifndef UNIKIT_MUST_H
#define UNIKIT_MUST_H

#include <stddef.h>

#include "log.h"

void *must_malloc(size_t n);
void *must_calloc(size_t n, size_t size);
void *must_realloc(void *p, size_t n);
char *must_strdup(const char *s);
char *must_strndup(const char *s, size_t n);
char *must_asprintf(const char *fmt, ...) UNIKIT_PRINTF(1, 2);

#endif
