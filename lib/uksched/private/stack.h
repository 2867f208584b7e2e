/* SPDX-License-Identifier: BSD-3-Clause */
/* Thread stacks with a guard page */
#ifndef UKSCHED_STACK_H
#define UKSCHED_STACK_H

#include <uk/alloc.h>

/* pages + 1 pages; the lowest one is made inaccessible. NULL: no memory */
void *uksched_stack_alloc(struct uk_alloc *a, unsigned long pages);
void uksched_stack_free(struct uk_alloc *a, void *stack, unsigned long pages);

#endif /* UKSCHED_STACK_H */
