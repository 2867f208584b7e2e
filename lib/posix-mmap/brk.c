/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * brk(2) on an area reserved at the first call. As in Linux, the system
 * call returns the new break on success and the unchanged break on
 * failure (the C library turns that into ENOMEM).
 */
#include <string.h>
#include <uk/print.h>
#include <uk/syscall.h>
#include "region.h"

#define BRK_PAGES CONFIG_LIBPOSIX_MMAP_BRK_PAGES

static uintptr_t brk_base, brk_cur, brk_end;

/* a mapping like any other, so mprotect() and MAP_FIXED work on it too
 * (musl's malloc puts a guard page at the start of its brk area) */
static int brk_reserve(void)
{
	struct mm_region *r = mm_region_new(BRK_PAGES);

	if (!r) {
		uk_pr_warn("brk: cannot reserve %d pages\n", BRK_PAGES);
		return -1;
	}
	brk_base = brk_cur = r->base;
	brk_end = brk_base + BRK_PAGES * MM_PAGE_SIZE;
	return 0;
}

UK_SYSCALL_R_DEFINE(long, brk, void *, addr)
{
	uintptr_t want = (uintptr_t)addr;

	if (!brk_base && brk_reserve())
		return 0;
	if (want < brk_base || want > brk_end)
		return (long)brk_cur;
	/* memory given back and taken again must read as zeros */
	if (want > brk_cur)
		memset((void *)brk_cur, 0, want - brk_cur);
	brk_cur = want;
	return (long)brk_cur;
}
