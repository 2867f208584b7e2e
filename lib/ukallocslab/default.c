/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Puts the small-object allocator in front of the boot-time default
 * allocator, early enough that libc and the scheduler already use it.
 * Objects the boot code took from the page allocator before this runs can
 * still be freed through the new default: the slab layer hands them back.
 */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/allocslab.h>
#include <uk/init.h>

static int slab_become_default(void)
{
	struct uk_alloc *pages = uk_alloc_get_default();
	struct uk_alloc *s;

	if (!pages)
		return -ENOMEM;
	s = uk_allocslab_init(pages);
	if (!s)
		return -ENOMEM;
	uk_alloc_set_default(s);
	return 0;
}

uk_initcall_early(slab_become_default);
