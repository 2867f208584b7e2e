/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Anonymous mappings. Each mmap() takes one block of pages from the page
 * allocator, which can only free a block whole: partial munmap()s clear
 * pages in the region's map, and the block goes back when none is left.
 */
#ifndef POSIX_MMAP_REGION_H
#define POSIX_MMAP_REGION_H

#include <stddef.h>
#include <stdint.h>

#define MM_PAGE_SIZE 4096UL
#define MM_PAGE_MASK (MM_PAGE_SIZE - 1)

#define MM_PROT_READ  1
#define MM_PROT_WRITE 2
#define MM_PROT_EXEC  4

struct mm_region {
	uintptr_t base;
	unsigned long npages;
	unsigned long live; /* pages still mapped */
	int prot_changed;   /* some page is not read-write: reset before freeing */
	struct mm_region *next;
	unsigned char map[]; /* one bit per page: mapped */
};

/* a new region of npages zeroed, read-write pages; NULL when out of memory */
struct mm_region *mm_region_new(unsigned long npages);
/* the region holding addr, NULL if none */
struct mm_region *mm_region_find(uintptr_t addr);
/* 1 if every page of [addr, addr+len) is mapped in region r */
int mm_region_covers(const struct mm_region *r, uintptr_t addr, size_t len);
/* unmaps the pages of [addr, addr+len) in every region (frees emptied regions) */
void mm_unmap_range(uintptr_t addr, size_t len);
/* applies prot to mapped pages [addr, addr+len) of r: 0 or -errno */
int mm_region_protect(struct mm_region *r, uintptr_t addr, size_t len, int prot);

static inline size_t mm_page_round(size_t len)
{
	return (len + MM_PAGE_MASK) & ~MM_PAGE_MASK;
}

#endif
