/* SPDX-License-Identifier: BSD-3-Clause */
/* The C allocation functions on the default allocator of lib/ukalloc */
#include <stdlib.h>
#include <errno.h>
#include <uk/alloc.h>

static struct uk_alloc *heap(void)
{
	return uk_alloc_get_default();
}

void *malloc(size_t size)
{
	void *p = heap() ? uk_malloc(heap(), size) : NULL;

	if (!p)
		errno = ENOMEM;
	return p;
}

void *calloc(size_t nmemb, size_t size)
{
	void *p = heap() ? uk_calloc(heap(), nmemb, size) : NULL;

	if (!p)
		errno = ENOMEM;
	return p;
}

void *realloc(void *ptr, size_t size)
{
	void *p = heap() ? uk_realloc(heap(), ptr, size) : NULL;

	if (!p && size)
		errno = ENOMEM;
	return p;
}

void free(void *ptr)
{
	if (ptr)
		uk_free(heap(), ptr);
}

int posix_memalign(void **memptr, size_t align, size_t size)
{
	/* POSIX: a power of two multiple of sizeof(void *) */
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	if (!heap())
		return ENOMEM;
	return -uk_posix_memalign(heap(), memptr, align, size);
}

void *aligned_alloc(size_t align, size_t size)
{
	void *p = NULL;
	int err = posix_memalign(&p, align, size);

	if (err) {
		errno = err;
		return NULL;
	}
	return p;
}
