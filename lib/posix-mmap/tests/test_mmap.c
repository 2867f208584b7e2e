/* SPDX-License-Identifier: BSD-3-Clause */
/* Anonymous mappings and brk through the system call table */
#include <errno.h>
#include <string.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include "region.h"

#define PROT_RW     3
#define MAP_PRIVATE 0x02
#define MAP_ANON    0x20
#define MAP_FIXED   0x10
#define PG          MM_PAGE_SIZE

static long sys(long nr, long a, long b, long c, long d, long e)
{
	return uk_syscall(nr, a, b, c, d, e, 0);
}

static unsigned char *map(size_t len)
{
	return (unsigned char *)sys(__NR_mmap, 0, (long)len, PROT_RW, MAP_PRIVATE | MAP_ANON, -1);
}

UK_TESTCASE(posix_mmap, anonymous_is_zeroed_and_page_aligned)
{
	unsigned char *p = map(3 * PG + 1);
	size_t i, nonzero = 0;

	UK_TEST_ASSERT((long)p > 0);
	UK_TEST_EXPECT_UNUM_EQ((uintptr_t)p & MM_PAGE_MASK, 0);
	for (i = 0; i < 4 * PG; i++)
		nonzero += p[i] != 0;
	UK_TEST_EXPECT_UNUM_EQ(nonzero, 0);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_munmap, (long)p, 4 * PG, 0, 0, 0), 0);
	UK_TEST_EXPECT_NULL(mm_region_find((uintptr_t)p));
}

UK_TESTCASE(posix_mmap, argument_errors)
{
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_mmap, 0, 0, PROT_RW, MAP_PRIVATE | MAP_ANON, -1), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_mmap, 0, PG, PROT_RW, MAP_ANON, -1), -EINVAL);
	/* fd 3 is not open (and without a VFS no descriptor exists) */
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_mmap, 0, PG, PROT_RW, MAP_PRIVATE, 3), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_mmap, 0, PG, PROT_RW, 0x01 /* SHARED */, 3), -ENODEV);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_munmap, 1, PG, 0, 0, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_mprotect, 1, PG, 1, 0, 0), -EINVAL);
}

UK_TESTCASE(posix_mmap, partial_unmap_keeps_the_rest)
{
	unsigned char *p = map(8 * PG);
	struct mm_region *r;

	UK_TEST_ASSERT((long)p > 0);
	memset(p, 0x5a, 8 * PG);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_munmap, (long)p + 2 * PG, 4 * PG, 0, 0, 0), 0);
	r = mm_region_find((uintptr_t)p);
	UK_TEST_ASSERT(r != NULL);
	UK_TEST_EXPECT_UNUM_EQ(r->live, 4);
	UK_TEST_EXPECT(mm_region_covers(r, (uintptr_t)p, 2 * PG));
	UK_TEST_EXPECT(!mm_region_covers(r, (uintptr_t)p, 3 * PG));
	UK_TEST_EXPECT(p[0] == 0x5a && p[8 * PG - 1] == 0x5a);
	/* mprotect of a hole fails, of a mapped part works */
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_mprotect, (long)p + 2 * PG, PG, 1, 0, 0), -ENOMEM);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_mprotect, (long)p, PG, 1, 0, 0), 0);
	/* unmapping the rest gives the block back (r is freed) */
	sys(__NR_munmap, (long)p, 2 * PG, 0, 0, 0);
	sys(__NR_munmap, (long)p + 6 * PG, 2 * PG, 0, 0, 0);
	UK_TEST_EXPECT_NULL(mm_region_find((uintptr_t)p));
}

UK_TESTCASE(posix_mmap, map_fixed_inside_a_mapping_zeroes)
{
	unsigned char *p = map(4 * PG);
	long r;

	UK_TEST_ASSERT((long)p > 0);
	memset(p, 1, 4 * PG);
	r = sys(__NR_mmap, (long)p + PG, PG, PROT_RW, MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1);
	UK_TEST_EXPECT_SNUM_EQ(r, (long)p + PG);
	UK_TEST_EXPECT(p[PG] == 0 && p[2 * PG - 1] == 0 && p[0] == 1 && p[2 * PG] == 1);
	sys(__NR_munmap, (long)p, 4 * PG, 0, 0, 0);
	/* outside any mapping: refused */
	UK_TEST_EXPECT_SNUM_EQ(
	    sys(__NR_mmap, (long)p, PG, PROT_RW, MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1), -ENOMEM);
}

UK_TESTCASE(posix_mmap, mremap_shrinks_in_place_and_grows_by_moving)
{
	unsigned char *p = map(4 * PG), *q;

	UK_TEST_ASSERT((long)p > 0);
	memset(p, 7, 4 * PG);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_mremap, (long)p, 4 * PG, 2 * PG, 0, 0), (long)p);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_mremap, (long)p, 2 * PG, 8 * PG, 0, 0), -ENOMEM);
	q = (unsigned char *)sys(__NR_mremap, (long)p, 2 * PG, 8 * PG, 1 /* MAYMOVE */, 0);
	UK_TEST_ASSERT((long)q > 0);
	UK_TEST_EXPECT(q[0] == 7 && q[2 * PG - 1] == 7 && q[2 * PG] == 0 && q[8 * PG - 1] == 0);
	UK_TEST_EXPECT_NULL(mm_region_find((uintptr_t)p));
	sys(__NR_munmap, (long)q, 8 * PG, 0, 0, 0);
}

UK_TESTCASE(posix_mmap, brk_grows_and_refuses_beyond_its_area)
{
	long b0 = sys(__NR_brk, 0, 0, 0, 0, 0), b1, b2;

	UK_TEST_ASSERT(b0 > 0);
	b1 = sys(__NR_brk, b0 + 3 * (long)PG, 0, 0, 0, 0);
	UK_TEST_EXPECT_SNUM_EQ(b1, b0 + 3 * (long)PG);
	UK_TEST_EXPECT_SNUM_EQ(((unsigned char *)b0)[3 * PG - 1], 0);
	/* beyond the reserved area: the break stays */
	b2 = sys(__NR_brk, b0 + (long)(CONFIG_LIBPOSIX_MMAP_BRK_PAGES + 1) * (long)PG, 0, 0, 0, 0);
	UK_TEST_EXPECT_SNUM_EQ(b2, b1);
	UK_TEST_EXPECT_SNUM_EQ(sys(__NR_brk, b0, 0, 0, 0, 0), b0);
}
