/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef NOLIBC_STDLIB_H
#define NOLIBC_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* on the default allocator of lib/ukalloc */
void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
int posix_memalign(void **memptr, size_t align, size_t size);
void *aligned_alloc(size_t align, size_t size);

long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);
long long strtoll(const char *restrict s, char **restrict end, int base);
unsigned long long strtoull(const char *restrict s, char **restrict end, int base);
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);

int abs(int v);
long labs(long v);
long long llabs(long long v);

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));

char *getenv(const char *name);

/* exit() powers the VM off with `status` (QEMU: status*2+1); abort() crashes it */
void exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));

#endif /* NOLIBC_STDLIB_H */
