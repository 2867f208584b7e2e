/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-kernel tests of the slab layer on a private buddy allocator (4 MiB
 * taken from the default one): small objects packed without headers,
 * everything comes back when freed, out of memory is clean.
 */
#include <stdint.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#include <uk/allocslab.h>
#include <uk/test.h>

#define REGION_PAGES 1024
#define PAGE         4096UL
#define LIVE         4000

static struct uk_alloc *bb, *slab;
static unsigned char *objs[LIVE];

static int slab_suite_init(void)
{
	void *region = uk_palloc(uk_alloc_get_default(), REGION_PAGES);

	if (!region)
		return -1;
	bb = uk_allocbbuddy_init(region, REGION_PAGES * PAGE);
	slab = uk_allocslab_init(bb);
	return slab ? 0 : -1;
}

uk_testsuite_register(ukallocslab, slab_suite_init);

UK_TESTCASE(ukallocslab, packing)
{
	size_t avail0 = uk_alloc_availmem(bb);
	int i;

	/* 1000 objects of 32 bytes: 32 KiB of payload in 8 or 9 pages */
	for (i = 0; i < 1000; i++)
		objs[i] = uk_malloc(slab, 32);
	UK_TEST_EXPECT(avail0 - uk_alloc_availmem(bb) <= 9 * PAGE);
	UK_TEST_EXPECT_UNUM_EQ(objs[1] - objs[0], 32);
	for (i = 0; i < 1000; i++)
		uk_free(slab, objs[i]);
	UK_TEST_EXPECT(avail0 - uk_alloc_availmem(bb) <= PAGE);
}

UK_TESTCASE(ukallocslab, stress_and_return)
{
	size_t avail0 = uk_alloc_availmem(bb);
	unsigned long bad = 0;
	uint32_t r = 7;
	size_t sz;
	int i, k;

	for (k = 0; k < 3; k++) {
		for (i = 0; i < LIVE; i++) {
			r = r * 1103515245 + 12345;
			sz = 1 + (r >> 8) % 700;
			objs[i] = uk_malloc(slab, sz);
			if (objs[i])
				objs[i][0] = objs[i][sz - 1] = (unsigned char)i;
		}
		for (i = 0; i < LIVE; i++)
			if (objs[i])
				bad += objs[i][0] != (unsigned char)i;
		for (i = k & 1; i < LIVE; i += 2)
			uk_free(slab, objs[i]), objs[i] = NULL;
		for (i = 0; i < LIVE; i++)
			uk_free(slab, objs[i]), objs[i] = NULL;
	}
	UK_TEST_EXPECT_UNUM_EQ(bad, 0);
	UK_TEST_EXPECT_UNUM_EQ(slab->stats.used_bytes, 0);
	/* one empty slab per size class may stay cached */
	UK_TEST_EXPECT(avail0 - uk_alloc_availmem(bb) <= 22 * PAGE);
}

UK_TESTCASE(ukallocslab, oom_is_clean)
{
	int n = 0, i;

	while (n < LIVE && (objs[n] = uk_malloc(slab, 2000)) != NULL)
		n++;
	UK_TEST_EXPECT(n < LIVE); /* 4 MiB cannot hold 4000 x 2 KiB */
	for (i = 0; i < n; i++)
		uk_free(slab, objs[i]), objs[i] = NULL;
	objs[0] = uk_malloc(slab, 2000);
	UK_TEST_EXPECT(objs[0] != NULL);
	uk_free(slab, objs[0]);
	objs[0] = NULL;
}
