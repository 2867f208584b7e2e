/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The allocator interface (contracts.md section 6). Every allocator fills a
 * struct uk_alloc; callers only use the uk_* wrappers below, which keep the
 * statistics in one place. Out of memory is NULL (or -ENOMEM), never a crash.
 * Allocators are not interrupt-safe: interrupt handlers must not allocate.
 */
#ifndef UK_ALLOC_H
#define UK_ALLOC_H

#include <stddef.h>
#include <stdint.h>

#ifndef __PAGE_SIZE
#define __PAGE_SIZE 4096UL
#endif

struct uk_alloc;

/* ptr is never NULL for free/usable_size: the wrappers filter NULL out */
typedef void *(*uk_alloc_malloc_func_t)(struct uk_alloc *a, size_t size);
typedef void *(*uk_alloc_memalign_func_t)(struct uk_alloc *a, size_t align, size_t size);
typedef void (*uk_alloc_free_func_t)(struct uk_alloc *a, void *ptr);
typedef size_t (*uk_alloc_usable_size_func_t)(struct uk_alloc *a, const void *ptr);
typedef void *(*uk_alloc_palloc_func_t)(struct uk_alloc *a, unsigned long num_pages);
typedef void (*uk_alloc_pfree_func_t)(struct uk_alloc *a, void *ptr, unsigned long num_pages);
typedef int (*uk_alloc_addmem_func_t)(struct uk_alloc *a, void *base, size_t len);
typedef size_t (*uk_alloc_availmem_func_t)(struct uk_alloc *a);

struct uk_alloc_stats {
	size_t free_bytes;      /* what the allocator can still hand out */
	size_t used_bytes;      /* handed out (usable sizes, whole pages) and not freed */
	size_t peak_used_bytes; /* the highest used_bytes so far */
	uint64_t nr_allocs;     /* live allocations */
	uint64_t tot_allocs;    /* successful allocations since creation */
	uint64_t tot_frees;
	uint64_t nr_failed; /* allocations answered with NULL / -ENOMEM */
};

struct uk_alloc {
	uk_alloc_malloc_func_t malloc;
	uk_alloc_memalign_func_t memalign;
	uk_alloc_free_func_t free;
	uk_alloc_usable_size_func_t usable_size;
	uk_alloc_palloc_func_t palloc;
	uk_alloc_pfree_func_t pfree;
	uk_alloc_addmem_func_t addmem; /* NULL: cannot grow */
	uk_alloc_availmem_func_t availmem;
	struct uk_alloc_stats stats; /* updated by the wrappers only */
};

struct uk_alloc *uk_alloc_get_default(void);
void uk_alloc_set_default(struct uk_alloc *a);

void *uk_malloc(struct uk_alloc *a, size_t size);
void *uk_calloc(struct uk_alloc *a, size_t nmemb, size_t size);
void *uk_realloc(struct uk_alloc *a, void *ptr, size_t size);
void *uk_memalign(struct uk_alloc *a, size_t align, size_t size);
/* 0, -EINVAL (align not a power of two multiple of sizeof(void *)), -ENOMEM */
int uk_posix_memalign(struct uk_alloc *a, void **memptr, size_t align, size_t size);
void uk_free(struct uk_alloc *a, void *ptr);
size_t uk_usable_size(struct uk_alloc *a, const void *ptr);

/* whole pages, aligned to the page size; pfree takes the count given to palloc */
void *uk_palloc(struct uk_alloc *a, unsigned long num_pages);
void uk_pfree(struct uk_alloc *a, void *ptr, unsigned long num_pages);

/* gives the allocator [base, base+len) to manage: 0, -EINVAL, -ENOTSUP */
int uk_alloc_addmem(struct uk_alloc *a, void *base, size_t len);
size_t uk_alloc_availmem(struct uk_alloc *a);
/* copies a's statistics (free_bytes filled from availmem): 0 or -EINVAL */
int uk_alloc_stats(struct uk_alloc *a, struct uk_alloc_stats *out);

/* Bookkeeping used by the wrappers; exposed for allocators layered on others */
void uk_alloc_stats_count_alloc(struct uk_alloc *a, size_t bytes);
void uk_alloc_stats_count_free(struct uk_alloc *a, size_t bytes);
void uk_alloc_stats_count_fail(struct uk_alloc *a);

/*
 * malloc on top of a page allocator ("ifpages"): each object gets whole
 * pages with a 16-byte header. Invariant that layered allocators rely on: for
 * an object whose address is not page aligned, the start of its page is this
 * header (never user data); a page aligned object keeps its header just
 * below it.
 */
void *uk_malloc_ifpages(struct uk_alloc *a, size_t size);
void *uk_memalign_ifpages(struct uk_alloc *a, size_t align, size_t size);
void uk_free_ifpages(struct uk_alloc *a, void *ptr);
size_t uk_usable_size_ifpages(struct uk_alloc *a, const void *ptr);

/* Convenience on the default allocator */
static inline void *uk_malloc_default(size_t size)
{
	return uk_malloc(uk_alloc_get_default(), size);
}

static inline void uk_free_default(void *ptr)
{
	uk_free(uk_alloc_get_default(), ptr);
}

#endif /* UK_ALLOC_H */
