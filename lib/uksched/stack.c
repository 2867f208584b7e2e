/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread stacks: whole pages from the allocator, the lowest of which is
 * unmapped, so that running off the bottom of a stack faults at once.
 */
#include <uk/alloc.h>
#include <uk/plat/memory.h>
#include <uk/print.h>
#include "stack.h"

#ifdef CONFIG_LIBUKSCHED_GUARD_PAGE
static int guard_set(void *stack, int prot)
{
	return ukplat_page_set_prot((unsigned long)stack, 1, prot);
}
#else
static int guard_set(void *stack __attribute__((unused)), int prot __attribute__((unused)))
{
	return 0;
}
#endif

void *uksched_stack_alloc(struct uk_alloc *a, unsigned long pages)
{
	void *s = uk_palloc(a, pages + 1);
	int rc;

	if (!s)
		return NULL;
	rc = guard_set(s, UKPLAT_PROT_NONE);
	if (rc < 0) {
		/* no thread without its guard: an overflow would corrupt memory silently */
		uk_pr_err("Cannot unmap the stack guard page at %p: %d\n", s, rc);
		uk_pfree(a, s, pages + 1);
		return NULL;
	}
	return s;
}

void uksched_stack_free(struct uk_alloc *a, void *stack, unsigned long pages)
{
	/* the page goes back to general use: it must be accessible again; if
	 * that fails, leaking the stack is better than handing out a hole */
	if (guard_set(stack, UKPLAT_PROT_READ | UKPLAT_PROT_WRITE) < 0) {
		uk_pr_err("Cannot remap the stack guard page at %p: stack leaked\n", stack);
		return;
	}
	uk_pfree(a, stack, pages + 1);
}
