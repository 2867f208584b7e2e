/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Small-object allocator. Each slab is one page from the allocator underneath
 * with a header at its start and objects of one size class after it. Free
 * objects are chained through their first word; objects never used yet are
 * handed out from a bump offset, so a new slab costs no initialisation. A
 * freed object also carries a canary in its second word: finding it on free
 * triggers an exact check of the slab's free chain, which catches double
 * frees at O(1) cost in the common case.
 */
#include <stdint.h>
#include <uk/alloc.h>
#include <uk/allocslab.h>
#include <uk/print.h>
#include "slab_classes.h"

#define SLAB_MAGIC  0x51ab51abU
#define FREE_CANARY 0xf4eef4eef4eef4eeUL
#define PAGE        __PAGE_SIZE

struct slab {
	uint32_t magic;
	uint16_t cls;
	uint16_t inuse;
	uint32_t bump; /* offset of the first never-used object */
	uint32_t cap;  /* objects in this slab */
	void *free;
	struct slab *next, *prev; /* partial list of the class */
};

_Static_assert(sizeof(struct slab) <= SLAB_HDR, "slab header too big");

struct slab_cache {
	struct slab *partial; /* slabs with at least one free object */
	unsigned int nr_empty;
};

struct slab_alloc {
	struct uk_alloc a; /* first: the uk_alloc pointer is the slab_alloc pointer */
	struct uk_alloc *pages;
	struct slab_cache cache[SLAB_NR_CLASSES];
};

struct free_obj {
	struct free_obj *next;
	unsigned long canary;
};

static struct slab_alloc *to_slab(struct uk_alloc *a)
{
	return (struct slab_alloc *)a;
}

/* our slab, or NULL when the object belongs to the allocator underneath */
static struct slab *slab_of(const void *ptr)
{
	uintptr_t p = (uintptr_t)ptr;
	struct slab *s;

	if (!(p & (PAGE - 1)))
		return NULL;
	s = (struct slab *)(p & ~(PAGE - 1));
	return s->magic == SLAB_MAGIC ? s : NULL;
}

static void partial_add(struct slab_cache *c, struct slab *s)
{
	s->prev = NULL;
	s->next = c->partial;
	if (c->partial)
		c->partial->prev = s;
	c->partial = s;
}

static void partial_del(struct slab_cache *c, struct slab *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		c->partial = s->next;
	if (s->next)
		s->next->prev = s->prev;
}

static struct slab *slab_new(struct slab_alloc *sa, unsigned int cls)
{
	struct slab *s = uk_palloc(sa->pages, 1);

	if (!s)
		return NULL;
	s->magic = SLAB_MAGIC;
	s->cls = cls;
	s->inuse = 0;
	s->bump = SLAB_HDR;
	s->cap = (PAGE - SLAB_HDR) / slab_class_size[cls];
	s->free = NULL;
	partial_add(&sa->cache[cls], s);
	sa->cache[cls].nr_empty++;
	return s;
}

static void *slab_take(struct slab_alloc *sa, unsigned int cls)
{
	struct slab_cache *c = &sa->cache[cls];
	struct slab *s = c->partial;
	struct free_obj *o;

	if (!s && !(s = slab_new(sa, cls)))
		return NULL;
	if (s->free) {
		o = s->free;
		s->free = o->next;
		o->canary = 0;
	} else {
		o = (struct free_obj *)((uintptr_t)s + s->bump);
		s->bump += slab_class_size[cls];
	}
	if (!s->inuse++)
		c->nr_empty--;
	if (s->inuse == s->cap)
		partial_del(c, s);
	return o;
}

static void slab_check_double_free(struct slab *s, struct free_obj *o)
{
	struct free_obj *f;

	for (f = s->free; f; f = f->next)
		if (f == o)
			UK_CRASH("slab: double free of %p\n", o);
}

static void slab_put(struct slab_alloc *sa, struct slab *s, void *ptr)
{
	struct slab_cache *c = &sa->cache[s->cls];
	uintptr_t off = (uintptr_t)ptr - (uintptr_t)s - SLAB_HDR;
	struct free_obj *o = ptr;

	if (off % slab_class_size[s->cls] || off >= s->bump - SLAB_HDR)
		UK_CRASH("slab: free of %p: not an object start\n", ptr);
	if (o->canary == (FREE_CANARY ^ (uintptr_t)o))
		slab_check_double_free(s, o);
	o->canary = FREE_CANARY ^ (uintptr_t)o;
	o->next = s->free;
	s->free = o;
	if (s->inuse-- == s->cap)
		partial_add(c, s);
	if (s->inuse)
		return;
	/* keep one empty slab per class so alloc/free around a page boundary is cheap */
	if (c->nr_empty) {
		partial_del(c, s);
		s->magic = 0;
		uk_pfree(sa->pages, s, 1);
		return;
	}
	c->nr_empty++;
}

static void *slab_malloc(struct uk_alloc *a, size_t size)
{
	struct slab_alloc *sa = to_slab(a);

	if (size > UK_ALLOCSLAB_MAX_SMALL)
		return uk_malloc(sa->pages, size);
	return slab_take(sa, slab_class_of(size));
}

static void *slab_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	struct slab_alloc *sa = to_slab(a);
	int cls = -1;

	if (size <= UK_ALLOCSLAB_MAX_SMALL)
		cls = align <= 16 ? (int)slab_class_of(size) : slab_class_aligned(size, align);
	if (cls < 0)
		return uk_memalign(sa->pages, align, size);
	return slab_take(sa, cls);
}

static void slab_free(struct uk_alloc *a, void *ptr)
{
	struct slab_alloc *sa = to_slab(a);
	struct slab *s = slab_of(ptr);

	if (!s) {
		uk_free(sa->pages, ptr);
		return;
	}
	slab_put(sa, s, ptr);
}

static size_t slab_usable_size(struct uk_alloc *a, const void *ptr)
{
	struct slab *s = slab_of(ptr);

	if (!s)
		return uk_usable_size(to_slab(a)->pages, ptr);
	return slab_class_size[s->cls];
}

static void *slab_palloc(struct uk_alloc *a, unsigned long num_pages)
{
	return uk_palloc(to_slab(a)->pages, num_pages);
}

static void slab_pfree(struct uk_alloc *a, void *ptr, unsigned long num_pages)
{
	uk_pfree(to_slab(a)->pages, ptr, num_pages);
}

static int slab_addmem(struct uk_alloc *a, void *base, size_t len)
{
	return uk_alloc_addmem(to_slab(a)->pages, base, len);
}

static size_t slab_availmem(struct uk_alloc *a)
{
	return uk_alloc_availmem(to_slab(a)->pages);
}

/* whole pages, as the page allocator's malloc would take anyway: its page
 * path is the one the boot's threads use, so under TCG no malloc path is
 * translated before main() just for this (the allocator is never freed) */
#define SLAB_ALLOC_PAGES ((sizeof(struct slab_alloc) + __PAGE_SIZE - 1) / __PAGE_SIZE)

struct uk_alloc *uk_allocslab_init(struct uk_alloc *pages)
{
	struct slab_alloc *sa;

	if (!pages)
		return NULL;
	sa = uk_palloc(pages, SLAB_ALLOC_PAGES);
	if (!sa)
		return NULL;
	__builtin_memset(sa, 0, sizeof(*sa));
	sa->pages = pages;
	sa->a.malloc = slab_malloc;
	sa->a.memalign = slab_memalign;
	sa->a.free = slab_free;
	sa->a.usable_size = slab_usable_size;
	sa->a.palloc = slab_palloc;
	sa->a.pfree = slab_pfree;
	sa->a.addmem = slab_addmem;
	sa->a.availmem = slab_availmem;
	/* debug, not info: each boot log line costs ~0.2 ms of TCG boot time */
	uk_pr_debug("Initialize slab allocator (%d size classes up to %d bytes)\n", SLAB_NR_CLASSES,
	            UK_ALLOCSLAB_MAX_SMALL);
	return &sa->a;
}
