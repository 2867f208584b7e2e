/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-kernel tests of the default allocator (whatever the boot put there:
 * the buddy, usually with the slab layer in front): contents survive a
 * random alloc/free storm of many sizes, statistics add up, out of memory
 * is a clean NULL after which the allocator still works.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/test.h>

#define LIVE 512
#define OPS  20000

struct obj {
	unsigned char *p;
	size_t size;
	unsigned char seed;
};

static struct obj objs[LIVE];
static uint32_t rnd = 12345;

static uint32_t next_rand(void)
{
	rnd = rnd * 1103515245 + 12345;
	return rnd >> 8;
}

static size_t rand_size(void)
{
	uint32_t r = next_rand() % 100;

	if (r < 70)
		return 1 + next_rand() % 256;
	if (r < 95)
		return 1 + next_rand() % 4096;
	return 1 + next_rand() % 65536;
}

static int obj_check(const struct obj *o)
{
	size_t i;

	for (i = 0; i < o->size; i += 13)
		if (o->p[i] != (unsigned char)(o->seed + i))
			return 0;
	return 1;
}

static void obj_fill(struct obj *o)
{
	size_t i;

	for (i = 0; i < o->size; i += 13)
		o->p[i] = (unsigned char)(o->seed + i);
}

UK_TESTCASE(ukalloc, stress_contents_and_stats)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_alloc_stats s0, s1;
	unsigned long bad = 0, failed = 0;
	size_t used = 0;
	int i, k;

	UK_TEST_ASSERT(a != NULL);
	uk_alloc_stats(a, &s0);
	for (k = 0; k < OPS; k++) {
		i = next_rand() % LIVE;
		if (objs[i].p) {
			bad += !obj_check(&objs[i]);
			used -= uk_usable_size(a, objs[i].p);
			uk_free(a, objs[i].p);
			objs[i].p = NULL;
			continue;
		}
		objs[i].size = rand_size();
		objs[i].seed = next_rand();
		objs[i].p = uk_malloc(a, objs[i].size);
		if (!objs[i].p) {
			failed++;
			continue;
		}
		used += uk_usable_size(a, objs[i].p);
		obj_fill(&objs[i]);
	}
	uk_alloc_stats(a, &s1);
	UK_TEST_EXPECT_UNUM_EQ(bad, 0);
	UK_TEST_EXPECT_UNUM_EQ(failed, 0);
	UK_TEST_EXPECT_UNUM_EQ(s1.used_bytes - s0.used_bytes, used);
	UK_TEST_EXPECT(s1.peak_used_bytes >= s1.used_bytes);
	for (i = 0; i < LIVE; i++) {
		if (objs[i].p)
			uk_free(a, objs[i].p);
		objs[i].p = NULL;
	}
	uk_alloc_stats(a, &s1);
	UK_TEST_EXPECT_UNUM_EQ(s1.used_bytes, s0.used_bytes);
	UK_TEST_EXPECT_UNUM_EQ(s1.nr_allocs, s0.nr_allocs);
	UK_TEST_EXPECT_UNUM_EQ(s1.tot_allocs - s0.tot_allocs, s1.tot_frees - s0.tot_frees);
}

UK_TESTCASE(ukalloc, calloc_realloc_memalign)
{
	struct uk_alloc *a = uk_alloc_get_default();
	unsigned char *p;
	void *q = NULL;
	size_t i, al;
	int zero = 1;

	p = uk_calloc(a, 300, 7);
	UK_TEST_ASSERT(p != NULL);
	for (i = 0; i < 2100; i++)
		zero &= p[i] == 0;
	UK_TEST_EXPECT(zero);
	memset(p, 0x5a, 2100);
	p = uk_realloc(a, p, 10000);
	UK_TEST_ASSERT(p != NULL);
	UK_TEST_EXPECT(p[0] == 0x5a && p[2099] == 0x5a);
	uk_free(a, p);
	for (al = 16; al <= 8192; al <<= 1) {
		q = uk_memalign(a, al, 100);
		UK_TEST_EXPECT(q && !((uintptr_t)q & (al - 1)));
		uk_free(a, q);
	}
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(a, &q, 3, 10), -EINVAL);
	UK_TEST_EXPECT(uk_calloc(a, SIZE_MAX / 4, 8) == NULL);
}

UK_TESTCASE(ukalloc, oom_is_clean)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_alloc_stats s0, s1;
	void *p;

	uk_alloc_stats(a, &s0);
	/* more than the whole guest */
	UK_TEST_EXPECT(uk_malloc(a, s0.free_bytes + (1UL << 30)) == NULL);
	UK_TEST_EXPECT(uk_palloc(a, (s0.free_bytes >> 12) + 1) == NULL);
	uk_alloc_stats(a, &s1);
	UK_TEST_EXPECT_UNUM_EQ(s1.nr_failed - s0.nr_failed, 2);
	UK_TEST_EXPECT_UNUM_EQ(s1.free_bytes, s0.free_bytes);
	p = uk_malloc(a, 100);
	UK_TEST_EXPECT(p != NULL);
	uk_free(a, p);
}

/* Not a correctness check: the figure kernel.test reports (under TCG) */
UK_TESTCASE(ukalloc, throughput)
{
	struct uk_alloc *a = uk_alloc_get_default();
	static void *p[256];
	uint64_t t0, dt;
	int i, k;

	t0 = ukplat_monotonic_clock();
	for (k = 0; k < 100; k++) {
		for (i = 0; i < 256; i++)
			p[i] = uk_malloc(a, 16 + (i * 37) % 500);
		for (i = 0; i < 256; i++)
			uk_free(a, p[i]);
	}
	dt = ukplat_monotonic_clock() - t0;
	UK_TEST_EXPECT(dt > 0);
	uk_pr_info("ukalloc: %lu malloc+free pairs/s (16-515 bytes, default allocator)\n",
	           (unsigned long)(25600ULL * 1000000000ULL / (dt ? dt : 1)));
}
