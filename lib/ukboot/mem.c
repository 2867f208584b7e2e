/* SPDX-License-Identifier: BSD-3-Clause */
/* The default allocator: a buddy allocator over every free memory region */
#include <errno.h>
#include <stddef.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#include <uk/print.h>
#include <uk/plat/memory.h>
#include "boot.h"

/*
 * Adds one free region to *a, creating the allocator with the first region
 * big enough for its bookkeeping. A region that cannot be added is only
 * lost memory, not a reason to stop the boot.
 */
static void add_region(struct uk_alloc **a, const struct ukplat_memregion *r)
{
	void *base = (void *)(unsigned long)r->pbase;
	size_t len = (size_t)r->len;
	int ret;

	/* page 0 stays out: an allocation at address 0 would look like a failure */
	if (r->pbase < 0x1000) {
		if (r->len <= 0x1000 - r->pbase)
			return;
		len -= (size_t)(0x1000 - r->pbase);
		base = (void *)0x1000UL;
	}

	if (!*a) {
		*a = uk_allocbbuddy_init(base, len);
		return;
	}
	ret = uk_alloc_addmem(*a, base, len);
	if (ret < 0)
		uk_pr_warn("Memory region %p (%lu bytes) not usable: %d\n", base,
		           (unsigned long)len, ret);
}

int ukboot_init_memory(void)
{
	struct uk_alloc *a = NULL;
	struct ukplat_memregion r;
	int i, n = ukplat_memregion_count(), nfree = 0;

	for (i = 0; i < n; i++) {
		if (ukplat_memregion_get(i, &r) || r.type != UKPLAT_MEMRT_FREE || !r.len)
			continue;
		uk_pr_debug("Free memory %012lx-%012lx\n", (unsigned long)r.pbase,
		            (unsigned long)(r.pbase + r.len));
		add_region(&a, &r);
		nfree++;
	}
	if (!a) {
		uk_pr_crit("No usable free memory (%d free regions)\n", nfree);
		return -ENOMEM;
	}
	uk_alloc_set_default(a);
	return 0;
}
