/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * musl's allocator entry points on the kernel allocator (ukalloc) instead
 * of mallocng (CONFIG_LIBMUSL_MALLOC_UKALLOC). musl's malloc/free/realloc/
 * calloc/memalign wrappers call these; calloc clears the memory itself.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/alloc.h>

void *__libc_malloc_impl(size_t n);
void *__libc_realloc(void *p, size_t n);
void __libc_free(void *p);
void *aligned_alloc(size_t align, size_t n);
size_t malloc_usable_size(void *p);

static void *enomem_if_null(void *p)
{
	if (!p)
		errno = ENOMEM;
	return p;
}

void *__libc_malloc_impl(size_t n)
{
	return enomem_if_null(uk_malloc(uk_alloc_get_default(), n ? n : 1));
}

void *__libc_realloc(void *p, size_t n)
{
	return enomem_if_null(uk_realloc(uk_alloc_get_default(), p, n ? n : 1));
}

void __libc_free(void *p)
{
	uk_free(uk_alloc_get_default(), p);
}

void *aligned_alloc(size_t align, size_t n)
{
	if (!align || (align & (align - 1))) {
		errno = EINVAL;
		return NULL;
	}
	return enomem_if_null(uk_memalign(uk_alloc_get_default(), align, n ? n : 1));
}

size_t malloc_usable_size(void *p)
{
	return p ? uk_usable_size(uk_alloc_get_default(), p) : 0;
}
