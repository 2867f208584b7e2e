/* SPDX-License-Identifier: BSD-3-Clause */
/* Binary buddy page allocator (contracts.md section 6.1) */
#ifndef UK_ALLOCBBUDDY_H
#define UK_ALLOCBBUDDY_H

#include <stddef.h>
#include <uk/alloc.h>

/*
 * Builds an allocator whose own bookkeeping lives at the start of
 * [base, base+len); the rest is handed out. More regions join with
 * uk_alloc_addmem(). NULL if the region is too small for anything.
 */
struct uk_alloc *uk_allocbbuddy_init(void *base, size_t len);

#endif /* UK_ALLOCBBUDDY_H */
