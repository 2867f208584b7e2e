/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Binary buddy page allocator.
 *
 * Memory is split into zones (one per region given to us). A block of order k
 * is 2^k pages whose page frame number is a multiple of 2^k, so its buddy is
 * found by flipping bit k of the frame number. Each zone has one byte per
 * page: for the first page of a block it says whether the block is free or
 * allocated and its order; every other page is 0. Free blocks are linked
 * through their first page in one list per order. Allocation and free are
 * O(log n); a request of n pages that is not a power of two takes the next
 * power of two and gives the tail back at once, so no page is wasted.
 */
#include <errno.h>
#include <stdint.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#include <uk/print.h>

#define PAGE_SHIFT 12
#define BB_ORDERS  32 /* blocks of up to 2^31 pages */

#define MAP_FREE  0x40
#define MAP_ALLOC 0x80
#define MAP_ORDER 0x1f

struct bb_free {
	struct bb_free *next, *prev;
};

struct bb_zone {
	struct bb_zone *next;
	uintptr_t start_pfn, end_pfn; /* pages handed out: [start, end) */
	uint8_t *map;                 /* end_pfn - start_pfn bytes */
};

struct bb_alloc {
	struct uk_alloc a; /* first: the uk_alloc pointer is the bb_alloc pointer */
	struct bb_free free_list[BB_ORDERS]; /* circular, with sentinel heads */
	struct bb_zone *zones;
	unsigned long free_pages;
};

static struct bb_alloc *to_bb(struct uk_alloc *a)
{
	return (struct bb_alloc *)a;
}

static struct bb_free *pfn_to_node(uintptr_t pfn)
{
	return (struct bb_free *)(pfn << PAGE_SHIFT);
}

static void list_add(struct bb_free *head, struct bb_free *n)
{
	n->next = head->next;
	n->prev = head;
	head->next->prev = n;
	head->next = n;
}

static void list_del(struct bb_free *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
}

static struct bb_zone *zone_of(struct bb_alloc *b, uintptr_t pfn)
{
	struct bb_zone *z;

	for (z = b->zones; z; z = z->next)
		if (pfn >= z->start_pfn && pfn < z->end_pfn)
			return z;
	return NULL;
}

static unsigned int order_for(unsigned long num_pages)
{
	unsigned int k = 0;

	while ((1UL << k) < num_pages)
		k++;
	return k;
}

static void push_free(struct bb_alloc *b, struct bb_zone *z, uintptr_t pfn, unsigned int k)
{
	z->map[pfn - z->start_pfn] = MAP_FREE | k;
	list_add(&b->free_list[k], pfn_to_node(pfn));
}

/* Puts one block back, merging it with its buddy for as long as that is free */
static void free_block(struct bb_alloc *b, struct bb_zone *z, uintptr_t pfn, unsigned int k)
{
	uintptr_t buddy;

	b->free_pages += 1UL << k;
	while (k + 1 < BB_ORDERS) {
		buddy = pfn ^ (1UL << k);
		if (buddy < z->start_pfn || buddy >= z->end_pfn)
			break;
		if (z->map[buddy - z->start_pfn] != (MAP_FREE | k))
			break;
		list_del(pfn_to_node(buddy));
		z->map[buddy - z->start_pfn] = 0;
		z->map[pfn - z->start_pfn] = 0;
		pfn &= ~(1UL << k);
		k++;
	}
	push_free(b, z, pfn, k);
}

/* Frees [pfn, end) as the largest aligned blocks that fit */
static void free_range(struct bb_alloc *b, struct bb_zone *z, uintptr_t pfn, uintptr_t end)
{
	unsigned int k;

	while (pfn < end) {
		k = 0;
		while (k + 1 < BB_ORDERS && !(pfn & ((2UL << k) - 1)) && pfn + (2UL << k) <= end)
			k++;
		free_block(b, z, pfn, k);
		pfn += 1UL << k;
	}
}

/* Marks [pfn, pfn+n) as allocated blocks; pfn is aligned to the next power of two of n */
static void mark_allocated(struct bb_zone *z, uintptr_t pfn, unsigned long n)
{
	int k;

	for (k = BB_ORDERS - 1; k >= 0; k--) {
		if (!(n & (1UL << k)))
			continue;
		z->map[pfn - z->start_pfn] = MAP_ALLOC | k;
		pfn += 1UL << k;
	}
}

static void *bb_palloc(struct uk_alloc *a, unsigned long num_pages)
{
	struct bb_alloc *b = to_bb(a);
	unsigned int want, k;
	struct bb_free *n;
	struct bb_zone *z;
	uintptr_t pfn;

	if (!num_pages || num_pages > (1UL << (BB_ORDERS - 1)))
		return NULL;
	want = order_for(num_pages);
	for (k = want; k < BB_ORDERS; k++)
		if (b->free_list[k].next != &b->free_list[k])
			break;
	if (k == BB_ORDERS)
		return NULL;

	n = b->free_list[k].next;
	list_del(n);
	pfn = (uintptr_t)n >> PAGE_SHIFT;
	z = zone_of(b, pfn);
	z->map[pfn - z->start_pfn] = 0;
	b->free_pages -= 1UL << k;
	/* the unused tail (halves from splitting and the rounding up) goes back */
	free_range(b, z, pfn + num_pages, pfn + (1UL << k));
	mark_allocated(z, pfn, num_pages);
	return (void *)(pfn << PAGE_SHIFT);
}

static void bb_pfree(struct uk_alloc *a, void *ptr, unsigned long num_pages)
{
	struct bb_alloc *b = to_bb(a);
	uintptr_t pfn = (uintptr_t)ptr >> PAGE_SHIFT;
	struct bb_zone *z = zone_of(b, pfn);
	uintptr_t cur = pfn;
	int k;

	if (((uintptr_t)ptr & ((1UL << PAGE_SHIFT) - 1)) || !z || pfn + num_pages > z->end_pfn)
		UK_CRASH("bbuddy: free of %p (%lu pages): not from this allocator\n", ptr,
		         num_pages);
	/* validate every block first, so a bad free changes nothing */
	for (k = BB_ORDERS - 1; k >= 0; k--) {
		if (!(num_pages & (1UL << k)))
			continue;
		if (z->map[cur - z->start_pfn] != (MAP_ALLOC | k))
			UK_CRASH("bbuddy: double or invalid free of %p (%lu pages)\n", ptr,
			         num_pages);
		cur += 1UL << k;
	}
	for (k = BB_ORDERS - 1; k >= 0; k--) {
		if (!(num_pages & (1UL << k)))
			continue;
		z->map[pfn - z->start_pfn] = 0;
		free_block(b, z, pfn, k);
		pfn += 1UL << k;
	}
}

/* a region given twice would hand out the same pages twice */
static int overlaps_zone(struct bb_alloc *b, uintptr_t start, uintptr_t end)
{
	struct bb_zone *z;
	uintptr_t zstart;

	for (z = b->zones; z; z = z->next) {
		zstart = (uintptr_t)z >> PAGE_SHIFT; /* the zone's metadata pages count too */
		if (start < z->end_pfn && end > zstart)
			return 1;
	}
	return 0;
}

static int bb_addmem(struct uk_alloc *a, void *base, size_t len)
{
	struct bb_alloc *b = to_bb(a);
	uintptr_t start = ((uintptr_t)base + (1UL << PAGE_SHIFT) - 1) >> PAGE_SHIFT;
	uintptr_t end = ((uintptr_t)base + len) >> PAGE_SHIFT;
	unsigned long total, meta;
	struct bb_zone *z;
	uintptr_t i;

	if ((uintptr_t)base + len < (uintptr_t)base)
		return -EINVAL;
	if (end <= start)
		return -EINVAL;
	if (overlaps_zone(b, start, end))
		return -EINVAL;
	total = end - start;
	/* the zone header and its map take the first pages of the region */
	meta = (sizeof(*z) + total + (1UL << PAGE_SHIFT) - 1) >> PAGE_SHIFT;
	if (meta >= total)
		return -EINVAL;
	z = (struct bb_zone *)(start << PAGE_SHIFT);
	z->map = (uint8_t *)(z + 1);
	z->start_pfn = start + meta;
	z->end_pfn = end;
	for (i = 0; i < end - z->start_pfn; i++)
		z->map[i] = 0;
	z->next = b->zones;
	b->zones = z;
	free_range(b, z, z->start_pfn, z->end_pfn);
	return 0;
}

static size_t bb_availmem(struct uk_alloc *a)
{
	return to_bb(a)->free_pages << PAGE_SHIFT;
}

struct uk_alloc *uk_allocbbuddy_init(void *base, size_t len)
{
	uintptr_t start = ((uintptr_t)base + 15) & ~15UL;
	struct bb_alloc *b = (struct bb_alloc *)start;
	unsigned int k;

	uk_pr_info("Initialize binary buddy allocator %lx\n", (unsigned long)base);
	if (!base || len < sizeof(*b) + (start - (uintptr_t)base))
		return NULL;
	*b = (struct bb_alloc){0};
	for (k = 0; k < BB_ORDERS; k++)
		b->free_list[k].next = b->free_list[k].prev = &b->free_list[k];
	b->a.malloc = uk_malloc_ifpages;
	b->a.memalign = uk_memalign_ifpages;
	b->a.free = uk_free_ifpages;
	b->a.usable_size = uk_usable_size_ifpages;
	b->a.palloc = bb_palloc;
	b->a.pfree = bb_pfree;
	b->a.addmem = bb_addmem;
	b->a.availmem = bb_availmem;
	/* the allocator state takes the region's first bytes; the rest is a zone */
	len -= sizeof(*b) + (start - (uintptr_t)base);
	if (bb_addmem(&b->a, b + 1, len) < 0)
		return NULL;
	return &b->a;
}
