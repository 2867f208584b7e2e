/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-kernel tests of the buddy allocator on a private 4 MiB region taken
 * from the default allocator: every page handed out once, everything
 * coalesces back into the largest block, out of memory is a clean NULL.
 * (Double frees crash by design; bbuddy.test checks that on the host.)
 */
#include <stdint.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#include <uk/test.h>

#define REGION_PAGES 1024
#define PAGE         4096UL

static void *region;
static struct uk_alloc *bb;
static void *pages[REGION_PAGES];

static int bbuddy_suite_init(void)
{
	region = uk_palloc(uk_alloc_get_default(), REGION_PAGES);
	if (!region)
		return -1;
	/* an odd start: the allocator must align it */
	bb = uk_allocbbuddy_init((char *)region + 100, REGION_PAGES * PAGE - 100);
	return bb ? 0 : -1;
}

uk_testsuite_register(ukallocbbuddy, bbuddy_suite_init);

static unsigned long largest_block(void)
{
	unsigned long n;
	void *p;

	for (n = REGION_PAGES; n; n >>= 1) {
		p = uk_palloc(bb, n);
		if (p) {
			uk_pfree(bb, p, n);
			return n;
		}
	}
	return 0;
}

UK_TESTCASE(ukallocbbuddy, exhaust_and_coalesce)
{
	size_t avail0 = uk_alloc_availmem(bb);
	unsigned long big0 = largest_block(), n = 0, i, overlap = 0;

	UK_TEST_ASSERT(avail0 > (REGION_PAGES - 4) * PAGE);
	while (n < REGION_PAGES && (pages[n] = uk_palloc(bb, 1)) != NULL) {
		*(unsigned long *)pages[n] = n;
		n++;
	}
	UK_TEST_EXPECT_UNUM_EQ(n * PAGE, avail0);
	UK_TEST_EXPECT_UNUM_EQ(uk_alloc_availmem(bb), 0);
	for (i = 0; i < n; i++)
		overlap += *(unsigned long *)pages[i] != i;
	UK_TEST_EXPECT_UNUM_EQ(overlap, 0);
	/* free odd pages first, then even ones: worst case for merging */
	for (i = 1; i < n; i += 2)
		uk_pfree(bb, pages[i], 1);
	for (i = 0; i < n; i += 2)
		uk_pfree(bb, pages[i], 1);
	UK_TEST_EXPECT_UNUM_EQ(uk_alloc_availmem(bb), avail0);
	UK_TEST_EXPECT_UNUM_EQ(largest_block(), big0);
	UK_TEST_EXPECT(big0 >= 256);
}

UK_TESTCASE(ukallocbbuddy, sizes_and_alignment)
{
	size_t avail0 = uk_alloc_availmem(bb);
	void *p = uk_palloc(bb, 5), *q = uk_palloc(bb, 32);

	UK_TEST_ASSERT(p && q);
	UK_TEST_EXPECT_UNUM_EQ(avail0 - uk_alloc_availmem(bb), 37 * PAGE);
	UK_TEST_EXPECT_UNUM_EQ((uintptr_t)q & (32 * PAGE - 1), 0);
	uk_pfree(bb, p, 5);
	uk_pfree(bb, q, 32);
	UK_TEST_EXPECT_UNUM_EQ(uk_alloc_availmem(bb), avail0);
}

UK_TESTCASE(ukallocbbuddy, oom_is_clean)
{
	size_t avail0 = uk_alloc_availmem(bb);
	struct uk_alloc_stats st;
	void *p;

	UK_TEST_EXPECT(uk_palloc(bb, REGION_PAGES) == NULL);
	UK_TEST_EXPECT(uk_malloc(bb, REGION_PAGES * PAGE) == NULL);
	uk_alloc_stats(bb, &st);
	UK_TEST_EXPECT(st.nr_failed >= 2);
	UK_TEST_EXPECT_UNUM_EQ(uk_alloc_availmem(bb), avail0);
	p = uk_malloc(bb, 10000);
	UK_TEST_EXPECT(p != NULL);
	uk_free(bb, p);
	UK_TEST_EXPECT_UNUM_EQ(uk_alloc_availmem(bb), avail0);
}
