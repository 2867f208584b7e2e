/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Puts the small-object allocator in front of the boot-time default
 * allocator at the first `lib` init call, in the main thread: libc and the
 * libraries use it, while the scheduler, idle and main threads were set up
 * on the page allocator. Under TCG every distinct code path run before
 * main() costs first-time translation; the slab paths are then first run
 * by the application (~20 blocks, ~0.14 ms of boot). Objects the boot code
 * took from the page allocator can still be freed through the new
 * default: the slab layer hands them back.
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

uk_initcall_prio(slab_become_default, lib, 0);
