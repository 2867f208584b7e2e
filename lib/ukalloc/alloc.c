/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The uk_* wrappers: argument checks, statistics and the generic calloc and
 * realloc, so that each allocator only implements the primitive operations.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>

static int is_pow2(size_t x)
{
	return x && !(x & (x - 1));
}

static void *count_result(struct uk_alloc *a, void *ptr)
{
	if (!ptr) {
		uk_alloc_stats_count_fail(a);
		return NULL;
	}
	uk_alloc_stats_count_alloc(a, a->usable_size(a, ptr));
	return ptr;
}

void *uk_malloc(struct uk_alloc *a, size_t size)
{
	if (!a)
		return NULL;
	return count_result(a, a->malloc(a, size ? size : 1));
}

void *uk_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	if (!a || !is_pow2(align))
		return NULL;
	return count_result(a, a->memalign(a, align, size ? size : 1));
}

int uk_posix_memalign(struct uk_alloc *a, void **memptr, size_t align, size_t size)
{
	void *p;

	if (!a || !memptr || !is_pow2(align) || align % sizeof(void *))
		return -EINVAL;
	p = uk_memalign(a, align, size);
	if (!p)
		return -ENOMEM;
	*memptr = p;
	return 0;
}

void *uk_calloc(struct uk_alloc *a, size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (!a)
		return NULL;
	if (__builtin_mul_overflow(nmemb, size, &total)) {
		uk_alloc_stats_count_fail(a);
		return NULL;
	}
	p = uk_malloc(a, total);
	if (p)
		memset(p, 0, total);
	return p;
}

void uk_free(struct uk_alloc *a, void *ptr)
{
	if (!a || !ptr)
		return;
	uk_alloc_stats_count_free(a, a->usable_size(a, ptr));
	a->free(a, ptr);
}

size_t uk_usable_size(struct uk_alloc *a, const void *ptr)
{
	if (!a || !ptr)
		return 0;
	return a->usable_size(a, ptr);
}

/* Grows in place when the object's slack allows it, else moves. On failure
 * the old object is left untouched, as C requires. */
void *uk_realloc(struct uk_alloc *a, void *ptr, size_t size)
{
	size_t old;
	void *n;

	if (!a)
		return NULL;
	if (!ptr)
		return uk_malloc(a, size);
	if (!size) {
		uk_free(a, ptr);
		return NULL;
	}
	old = a->usable_size(a, ptr);
	if (size <= old)
		return ptr;
	n = uk_malloc(a, size);
	if (!n)
		return NULL;
	memcpy(n, ptr, old);
	uk_free(a, ptr);
	return n;
}

void *uk_palloc(struct uk_alloc *a, unsigned long num_pages)
{
	void *p;

	if (!a || !num_pages)
		return NULL;
	p = a->palloc(a, num_pages);
	if (!p) {
		uk_alloc_stats_count_fail(a);
		return NULL;
	}
	uk_alloc_stats_count_alloc(a, num_pages * __PAGE_SIZE);
	return p;
}

void uk_pfree(struct uk_alloc *a, void *ptr, unsigned long num_pages)
{
	if (!a || !ptr || !num_pages)
		return;
	uk_alloc_stats_count_free(a, num_pages * __PAGE_SIZE);
	a->pfree(a, ptr, num_pages);
}

int uk_alloc_addmem(struct uk_alloc *a, void *base, size_t len)
{
	if (!a || !base)
		return -EINVAL;
	if (!a->addmem)
		return -ENOTSUP;
	return a->addmem(a, base, len);
}

size_t uk_alloc_availmem(struct uk_alloc *a)
{
	if (!a || !a->availmem)
		return 0;
	return a->availmem(a);
}
