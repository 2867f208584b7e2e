/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Small-object allocator layered on a page allocator. Objects up to
 * UK_ALLOCSLAB_MAX_SMALL bytes come from one-page slabs of fixed size
 * classes (no per-object header); bigger objects, alignments it cannot
 * serve and page requests go to the allocator underneath. The allocator
 * underneath must keep its own header at the start of the page of every
 * object that is not page aligned (as uk_malloc_ifpages does): that is how
 * a free tells its objects from the others.
 */
#ifndef UK_ALLOCSLAB_H
#define UK_ALLOCSLAB_H

#include <uk/alloc.h>

#define UK_ALLOCSLAB_MAX_SMALL 2016

/* NULL if the allocator underneath has no memory for our state */
struct uk_alloc *uk_allocslab_init(struct uk_alloc *pages);

#endif /* UK_ALLOCSLAB_H */
