/* SPDX-License-Identifier: BSD-3-Clause */
/* The list of anonymous mappings (see region.h) */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/plat/memory.h>
#include <uk/print.h>
#include "region.h"

static struct mm_region *regions;

static int page_mapped(const struct mm_region *r, unsigned long i)
{
	return (r->map[i / 8] >> (i % 8)) & 1;
}

struct mm_region *mm_region_new(unsigned long npages)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct mm_region *r;
	void *pages;

	r = uk_calloc(a, 1, sizeof(*r) + (npages + 7) / 8);
	if (!r)
		return NULL;
	pages = uk_palloc(a, npages);
	if (!pages) {
		uk_free(a, r);
		return NULL;
	}
	/* anonymous memory reads as zeros */
	memset(pages, 0, npages * MM_PAGE_SIZE);
	r->base = (uintptr_t)pages;
	r->npages = npages;
	r->live = npages;
	memset(r->map, 0xff, (npages + 7) / 8);
	r->next = regions;
	regions = r;
	return r;
}

struct mm_region *mm_region_find(uintptr_t addr)
{
	struct mm_region *r;

	for (r = regions; r; r = r->next)
		if (addr >= r->base && addr < r->base + r->npages * MM_PAGE_SIZE)
			return r;
	return NULL;
}

int mm_region_covers(const struct mm_region *r, uintptr_t addr, size_t len)
{
	unsigned long first, last, i;

	if (addr < r->base || addr + len > r->base + r->npages * MM_PAGE_SIZE || !len)
		return 0;
	first = (addr - r->base) / MM_PAGE_SIZE;
	last = (addr + len - 1 - r->base) / MM_PAGE_SIZE;
	for (i = first; i <= last; i++)
		if (!page_mapped(r, i))
			return 0;
	return 1;
}

static void region_free(struct mm_region *r)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct mm_region **pp;

	for (pp = &regions; *pp != r; pp = &(*pp)->next)
		;
	*pp = r->next;
	/* guard pages and the like must be usable again for the next owner */
	if (r->prot_changed)
		ukplat_page_set_prot(r->base, r->npages, UKPLAT_PROT_READ | UKPLAT_PROT_WRITE);
	uk_pfree(a, (void *)r->base, r->npages);
	uk_free(a, r);
}

/* unmaps the pages of r inside [start, end); returns 1 if r was freed */
static int region_unmap(struct mm_region *r, uintptr_t start, uintptr_t end)
{
	uintptr_t rend = r->base + r->npages * MM_PAGE_SIZE;
	unsigned long i, first, last;

	if (start < r->base)
		start = r->base;
	if (end > rend)
		end = rend;
	if (start >= end)
		return 0;
	first = (start - r->base) / MM_PAGE_SIZE;
	last = (end - 1 - r->base) / MM_PAGE_SIZE;
	for (i = first; i <= last; i++) {
		if (!page_mapped(r, i))
			continue;
		r->map[i / 8] &= (unsigned char)~(1U << (i % 8));
		r->live--;
	}
	if (r->live)
		return 0;
	region_free(r);
	return 1;
}

void mm_unmap_range(uintptr_t addr, size_t len)
{
	struct mm_region *r, *next;

	for (r = regions; r; r = next) {
		next = r->next;
		region_unmap(r, addr, addr + len);
	}
}

int mm_region_protect(struct mm_region *r, uintptr_t addr, size_t len, int prot)
{
	int p = 0;

	if (prot & MM_PROT_READ)
		p |= UKPLAT_PROT_READ;
	if (prot & MM_PROT_WRITE)
		p |= UKPLAT_PROT_READ | UKPLAT_PROT_WRITE;
	if (prot & MM_PROT_EXEC)
		p |= UKPLAT_PROT_READ | UKPLAT_PROT_EXEC;
	if (p != (UKPLAT_PROT_READ | UKPLAT_PROT_WRITE))
		r->prot_changed = 1;
	return ukplat_page_set_prot(addr, len / MM_PAGE_SIZE, p);
}
