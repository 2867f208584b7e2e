/* SPDX-License-Identifier: BSD-3-Clause */
/* <uk/ring.h>: fill, wrap around the end of the buffer, peek at an offset */
#include <string.h>
#include <uk/ring.h>
#include <uk/test.h>

UK_TESTCASE(vfscore_ring, fill_wrap_peek)
{
	char mem[8], out[16];
	struct uk_ring r = {.buf = mem, .size = sizeof(mem)};

	UK_TEST_EXPECT_UNUM_EQ(uk_ring_get(&r, out, sizeof(out), 0, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(uk_ring_put(&r, "abcdef", 6), 6);
	UK_TEST_EXPECT_UNUM_EQ(uk_ring_get(&r, out, 4, 0, 0), 4); /* head at 4 */
	UK_TEST_EXPECT(!memcmp(out, "abcd", 4));
	/* 2 held, 6 free in two pieces: 2 at the end, 4 from the start */
	UK_TEST_EXPECT_UNUM_EQ(uk_ring_put(&r, "ghijklmnop", 10), 6);
	UK_TEST_EXPECT(uk_ring_full(&r));
	UK_TEST_EXPECT_UNUM_EQ(uk_ring_put(&r, "x", 1), 0);
	memset(out, 0, sizeof(out));
	/* a peek past the first 3 bytes crosses the end of the buffer */
	UK_TEST_EXPECT_UNUM_EQ(uk_ring_get(&r, out, 4, 3, 1), 4);
	UK_TEST_EXPECT_STR_EQ(out, "hijk");
	UK_TEST_EXPECT_UNUM_EQ(r.count, 8);
	memset(out, 0, sizeof(out));
	UK_TEST_EXPECT_UNUM_EQ(uk_ring_get(&r, out, sizeof(out), 0, 0), 8);
	UK_TEST_EXPECT_STR_EQ(out, "efghijkl");
	UK_TEST_EXPECT_UNUM_EQ(r.count, 0);
	UK_TEST_EXPECT_UNUM_EQ(uk_ring_get(&r, out, 1, 5, 1), 0); /* peek past the end */
}
