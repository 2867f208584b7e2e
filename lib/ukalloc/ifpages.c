/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Objects made of whole pages, for page allocators that have no small-object
 * layer and for the large objects of those that do. The header is written at
 * the start of the block, and (for page aligned objects) again just below the
 * object, so it can always be found from the object address alone.
 */
#include <stdint.h>
#include <uk/alloc.h>
#include <uk/print.h>

#define IFPAGES_MAGIC 0x1f9a6e51U
#define IFPAGES_HDR   16UL

struct ifpages_hdr {
	uint32_t magic;
	uint32_t offset; /* from the block start to the object */
	uint64_t num_pages;
};

_Static_assert(sizeof(struct ifpages_hdr) == IFPAGES_HDR, "ifpages header size");

static struct ifpages_hdr *hdr_of(const void *ptr)
{
	uintptr_t p = (uintptr_t)ptr;

	if (!(p & (__PAGE_SIZE - 1)))
		return (struct ifpages_hdr *)(p - IFPAGES_HDR);
	return (struct ifpages_hdr *)(p & ~(__PAGE_SIZE - 1));
}

static struct ifpages_hdr *checked_hdr(const void *ptr)
{
	struct ifpages_hdr *h = hdr_of(ptr);

	if (h->magic != IFPAGES_MAGIC)
		UK_CRASH("free/size of %p: not a live page object (double free?)\n", ptr);
	return h;
}

void *uk_memalign_ifpages(struct uk_alloc *a, size_t align, size_t size)
{
	struct ifpages_hdr *h;
	unsigned long num_pages;
	uintptr_t base;
	size_t off;

	off = align > IFPAGES_HDR ? align : IFPAGES_HDR;
	/* offset is stored in 32 bits; bigger alignments are not supported */
	if (off > UINT32_MAX || size > SIZE_MAX - off - __PAGE_SIZE)
		return NULL;
	num_pages = (off + size + __PAGE_SIZE - 1) / __PAGE_SIZE;
	base = (uintptr_t)a->palloc(a, num_pages);
	if (!base)
		return NULL;
	/* a page allocator aligns only to a page (bbuddy: a count that is not
	 * a power of two): past that, the first aligned address after the
	 * header, a whole number of pages in, at most `align` (the room taken) */
	if (align > __PAGE_SIZE)
		off = ((base + IFPAGES_HDR + align - 1) & ~(align - 1)) - base;
	h = (struct ifpages_hdr *)base;
	h->magic = IFPAGES_MAGIC;
	h->offset = off;
	h->num_pages = num_pages;
	if (!((base + off) & (__PAGE_SIZE - 1)))
		*(struct ifpages_hdr *)(base + off - IFPAGES_HDR) = *h;
	return (void *)(base + off);
}

void *uk_malloc_ifpages(struct uk_alloc *a, size_t size)
{
	return uk_memalign_ifpages(a, IFPAGES_HDR, size);
}

size_t uk_usable_size_ifpages(struct uk_alloc *a __attribute__((unused)), const void *ptr)
{
	struct ifpages_hdr *h = checked_hdr(ptr);

	return h->num_pages * __PAGE_SIZE - h->offset;
}

void uk_free_ifpages(struct uk_alloc *a, void *ptr)
{
	struct ifpages_hdr *h = checked_hdr(ptr);
	uintptr_t base = (uintptr_t)ptr - h->offset;
	unsigned long num_pages = h->num_pages;

	/* both copies die, so a second free of ptr is caught above */
	h->magic = 0;
	((struct ifpages_hdr *)base)->magic = 0;
	a->pfree(a, (void *)base, num_pages);
}
