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
 * O(log n); a request of n pages that is not a power of two is n pages cut
 * into aligned blocks (from the lists: the next power of two, its tail
 * given back at once), so no page is wasted. Such a request is only page
 * aligned; a power of two is aligned to its size.
 *
 * Boot cost: a zone starts as one "fresh" range [fresh_pfn, end_pfn): free
 * pages that are on no list and whose map bytes are not initialised yet.
 * Adding a region therefore writes nothing but the zone header, whatever
 * its size. Under a hypervisor the first write to a guest page is what
 * costs (the host has to back it, typically 2 MiB at a time), so writing a
 * list node into the first page of every free block at init made boot time
 * grow with RAM. Blocks are cut from the bottom of the fresh range only when
 * the lists cannot serve a request, and a freed block that ends at the
 * fresh range goes back into it, so freeing everything still coalesces.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
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

/*
 * Page ranges of a zone, in order:
 *   [start_pfn, fresh_pfn)  blocks on the lists or handed out; map valid
 *   [fresh_pfn, end_pfn)    fresh: free, on no list
 * Map bytes are valid (0 where no block starts) below map_pfn; map_pfn only
 * grows, so the map is zeroed at most once per page, when first needed.
 */
struct bb_zone {
	struct bb_zone *next;
	uintptr_t start_pfn, end_pfn; /* pages handed out: [start, end) */
	uintptr_t fresh_pfn;
	uintptr_t map_pfn;
	uint8_t *map; /* end_pfn - start_pfn bytes */
};

struct bb_alloc {
	struct uk_alloc a; /* first: the uk_alloc pointer is the bb_alloc pointer */
	struct bb_free free_list[BB_ORDERS]; /* circular, with sentinel heads */
	struct bb_zone *zones;
	unsigned long free_pages; /* on the lists plus fresh */
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

static uint8_t *map_at(struct bb_zone *z, uintptr_t pfn)
{
	return &z->map[pfn - z->start_pfn];
}

static void push_free(struct bb_alloc *b, struct bb_zone *z, uintptr_t pfn, unsigned int k)
{
	*map_at(z, pfn) = MAP_FREE | k;
	list_add(&b->free_list[k], pfn_to_node(pfn));
}

/* The order of the listed block that ends at pfn, or -1. Such a block is
 * aligned to its order, so only the orders pfn is aligned to can match. */
static int listed_block_ending_at(struct bb_zone *z, uintptr_t pfn)
{
	unsigned int k;
	uintptr_t s;

	for (k = 0; k < BB_ORDERS && !(pfn & ((1UL << k) - 1)); k++) {
		s = pfn - (1UL << k);
		if (s < z->start_pfn || s > pfn)
			return -1;
		if (*map_at(z, s) == (MAP_FREE | k))
			return (int)k;
	}
	return -1;
}

/* The fresh range grows down to pfn, then swallows every listed block that
 * ends where it starts, so freeing everything leaves one fresh range. */
static void fresh_extend(struct bb_zone *z, uintptr_t pfn)
{
	int k;

	z->fresh_pfn = pfn;
	while ((k = listed_block_ending_at(z, z->fresh_pfn)) >= 0) {
		z->fresh_pfn -= 1UL << k;
		list_del(pfn_to_node(z->fresh_pfn));
		*map_at(z, z->fresh_pfn) = 0;
	}
}

/* Puts one block back, merging it with its buddy for as long as that is free */
static void free_block(struct bb_alloc *b, struct bb_zone *z, uintptr_t pfn, unsigned int k)
{
	uintptr_t buddy;

	b->free_pages += 1UL << k;
	while (k + 1 < BB_ORDERS) {
		buddy = pfn ^ (1UL << k);
		/* blocks on the lists all lie below fresh_pfn */
		if (buddy < z->start_pfn || buddy >= z->fresh_pfn)
			break;
		if (*map_at(z, buddy) != (MAP_FREE | k))
			break;
		list_del(pfn_to_node(buddy));
		*map_at(z, buddy) = 0;
		*map_at(z, pfn) = 0;
		pfn &= ~(1UL << k);
		k++;
	}
	if (pfn + (1UL << k) == z->fresh_pfn) {
		*map_at(z, pfn) = 0;
		fresh_extend(z, pfn);
		return;
	}
	push_free(b, z, pfn, k);
}

/* The order of the largest block that starts at pfn (aligned to its order)
 * and ends by end: ranges are cut into blocks this way everywhere */
static unsigned int fit_order(uintptr_t pfn, uintptr_t end)
{
	unsigned int k = 0;

	while (k + 1 < BB_ORDERS && !(pfn & ((2UL << k) - 1)) && pfn + (2UL << k) <= end)
		k++;
	return k;
}

/* Frees [pfn, end) as the largest aligned blocks that fit */
static void free_range(struct bb_alloc *b, struct bb_zone *z, uintptr_t pfn, uintptr_t end)
{
	unsigned int k;

	while (pfn < end) {
		k = fit_order(pfn, end);
		free_block(b, z, pfn, k);
		pfn += 1UL << k;
	}
}

/* Marks [pfn, end) as allocated blocks, cut as free_range() would */
static void mark_allocated(struct bb_zone *z, uintptr_t pfn, uintptr_t end)
{
	unsigned int k;

	while (pfn < end) {
		k = fit_order(pfn, end);
		*map_at(z, pfn) = MAP_ALLOC | k;
		pfn += 1UL << k;
	}
}

/* A block of order >= k from the lists, taken off its list; 0 if none */
static uintptr_t take_listed(struct bb_alloc *b, unsigned int want, unsigned int *k)
{
	struct bb_free *n;

	for (*k = want; *k < BB_ORDERS; (*k)++)
		if (b->free_list[*k].next != &b->free_list[*k])
			break;
	if (*k == BB_ORDERS)
		return 0;
	n = b->free_list[*k].next;
	list_del(n);
	return (uintptr_t)n >> PAGE_SHIFT;
}

/*
 * n pages cut from the bottom of z's fresh range, or 0: a power of two
 * aligned to its size (natural alignment), any other count where the
 * range starts, so that the usual boot requests (1, 5 and 17 pages: thread
 * stacks with their guard page) leave no gap or tail to put on the lists
 * (under TCG, the list code not run at boot is not translated at boot).
 * The pages skipped to align a block go to the lists; the map bytes are
 * zeroed the first time they are needed.
 */
static uintptr_t take_fresh(struct bb_alloc *b, struct bb_zone *z, unsigned long n)
{
	uintptr_t old = z->fresh_pfn, align = n & (n - 1) ? 1 : n;
	uintptr_t pfn = (old + align - 1) & ~(align - 1);

	if (pfn < old || pfn + n > z->end_pfn || pfn + n < pfn)
		return 0;
	if (z->map_pfn < pfn + n) {
		memset(map_at(z, z->map_pfn), 0, pfn + n - z->map_pfn);
		z->map_pfn = pfn + n;
	}
	z->fresh_pfn = pfn + n;
	/* the gap leaves the fresh range and comes back as listed blocks */
	b->free_pages -= pfn - old;
	free_range(b, z, old, pfn);
	return pfn;
}

static void *bb_palloc(struct uk_alloc *a, unsigned long num_pages)
{
	struct bb_alloc *b = to_bb(a);
	unsigned int want, k;
	struct bb_zone *z;
	uintptr_t pfn;

	if (!num_pages || num_pages > (1UL << (BB_ORDERS - 1)))
		return NULL;
	want = order_for(num_pages);
	/* pages already in use once come first: fresh ones cost the host a fault */
	pfn = take_listed(b, want, &k);
	if (pfn) {
		z = zone_of(b, pfn);
		*map_at(z, pfn) = 0;
		b->free_pages -= 1UL << k;
		/* the unused tail (halves from splitting and the rounding up) goes back */
		free_range(b, z, pfn + num_pages, pfn + (1UL << k));
	} else {
		for (z = b->zones; z; z = z->next) {
			pfn = take_fresh(b, z, num_pages);
			if (pfn)
				break;
		}
		if (!pfn)
			return NULL;
		b->free_pages -= num_pages;
	}
	mark_allocated(z, pfn, pfn + num_pages);
	return (void *)(pfn << PAGE_SHIFT);
}

static void bb_pfree(struct uk_alloc *a, void *ptr, unsigned long num_pages)
{
	struct bb_alloc *b = to_bb(a);
	uintptr_t pfn = (uintptr_t)ptr >> PAGE_SHIFT;
	struct bb_zone *z = zone_of(b, pfn);
	uintptr_t end = pfn + num_pages, cur;
	unsigned int k;

	if (((uintptr_t)ptr & ((1UL << PAGE_SHIFT) - 1)) || !z || end > z->end_pfn || end <= pfn)
		UK_CRASH("bbuddy: free of %p (%lu pages): not from this allocator\n", ptr,
		         num_pages);
	/* validate every block first (cut as bb_palloc marked them), so a bad
	 * free changes nothing; fresh pages were never handed out (or already
	 * came back) */
	for (cur = pfn; cur < end; cur += 1UL << k) {
		k = fit_order(cur, end);
		if (cur + (1UL << k) > z->fresh_pfn || *map_at(z, cur) != (MAP_ALLOC | k))
			UK_CRASH("bbuddy: double or invalid free of %p (%lu pages)\n", ptr,
			         num_pages);
	}
	for (cur = pfn; cur < end; cur += 1UL << k) {
		k = fit_order(cur, end);
		*map_at(z, cur) = 0;
		free_block(b, z, cur, k);
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

/* O(1) whatever the size: only the zone header is written (see the top) */
static int bb_addmem(struct uk_alloc *a, void *base, size_t len)
{
	struct bb_alloc *b = to_bb(a);
	uintptr_t start = ((uintptr_t)base + (1UL << PAGE_SHIFT) - 1) >> PAGE_SHIFT;
	uintptr_t end = ((uintptr_t)base + len) >> PAGE_SHIFT;
	unsigned long total, meta;
	struct bb_zone *z;

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
	z->fresh_pfn = z->start_pfn;
	z->map_pfn = z->start_pfn;
	z->next = b->zones;
	b->zones = z;
	b->free_pages += end - z->start_pfn;
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

	/* debug, not info: each boot log line costs TCG boot time, and the
	 * boot's own "Initialize memory allocator" line says as much */
	uk_pr_debug("Initialize binary buddy allocator %lx\n", (unsigned long)base);
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
