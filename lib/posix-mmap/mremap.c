/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mremap(2): shrinking unmaps the tail in place; growing moves the data to
 * a new mapping (MREMAP_MAYMOVE), since blocks of the page allocator
 * cannot be extended.
 */
#include <errno.h>
#include <string.h>
#include <uk/syscall.h>
#include "region.h"

#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED   2

UK_SYSCALL_R_DEFINE(long, mremap, void *, old, size_t, old_len, size_t, new_len, int, flags, void *,
                    new_addr)
{
	struct mm_region *r, *n;
	uintptr_t o = (uintptr_t)old;

	(void)new_addr;
	if ((o & MM_PAGE_MASK) || !new_len || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)))
		return -EINVAL;
	if (flags & MREMAP_FIXED)
		return -EINVAL; /* moving to a chosen address is not supported */
	old_len = mm_page_round(old_len);
	new_len = mm_page_round(new_len);
	r = mm_region_find(o);
	if (!r || !old_len || !mm_region_covers(r, o, old_len))
		return -EFAULT;
	if (new_len <= old_len) {
		if (new_len < old_len)
			mm_unmap_range(o + new_len, old_len - new_len);
		return (long)o;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	n = mm_region_new(new_len / MM_PAGE_SIZE);
	if (!n)
		return -ENOMEM;
	memcpy((void *)n->base, old, old_len);
	mm_unmap_range(o, old_len);
	return (long)n->base;
}
