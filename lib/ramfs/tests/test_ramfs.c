/* SPDX-License-Identifier: BSD-3-Clause */
/* ramfs specifics: large files, many names, deep trees, memory given back */
#include <uk/alloc.h>
#include <uk/test.h>
#include "vt.h"

#define CWD UK_AT_FDCWD

UK_TESTCASE(ramfs, megabyte_file_round_trip)
{
	VT_BEGIN();
	static unsigned char chunk[4096], back[4096];
	int fd = uk_vfs_openat(CWD, "big", UK_O_RDWR | UK_O_CREAT, 0644);
	int bad = 0;
	struct uk_stat st;

	UK_TEST_ASSERT(fd >= 0);
	for (int i = 0; i < 256; i++) {
		memset(chunk, i, sizeof(chunk));
		if (uk_vfs_write(fd, chunk, sizeof(chunk)) != (ssize_t)sizeof(chunk))
			bad++;
	}
	UK_TEST_EXPECT_SNUM_EQ(bad, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstat(fd, &st), 0);
	UK_TEST_EXPECT_SNUM_EQ(st.st_size, 256 * 4096);
	for (int i = 255; i >= 0; i--) {
		memset(chunk, i, sizeof(chunk));
		if (uk_vfs_pread(fd, back, sizeof(back), (int64_t)i * 4096) != 4096 ||
		    memcmp(chunk, back, sizeof(back)))
			bad++;
	}
	UK_TEST_EXPECT_SNUM_EQ(bad, 0);
	uk_vfs_close(fd);
	VT_END();
}

UK_TESTCASE(ramfs, many_names_create_and_remove)
{
	VT_BEGIN();
	char name[24];
	int bad = 0;
	struct uk_stat st;

	for (unsigned int i = 0; i < 2000; i++) {
		vt_numname(name, "n", i);
		bad += vt_put(name, name) != 0;
	}
	for (unsigned int i = 0; i < 2000; i += 2) {
		vt_numname(name, "n", i);
		bad += uk_vfs_unlinkat(CWD, name, 0) != 0;
	}
	for (unsigned int i = 0; i < 2000; i++) {
		vt_numname(name, "n", i);
		bad += (uk_vfs_fstatat(CWD, name, &st, 0) == 0) != (i % 2 == 1);
	}
	UK_TEST_EXPECT_SNUM_EQ(bad, 0);
	VT_END();
}

UK_TESTCASE(ramfs, deep_tree_and_getcwd)
{
	VT_BEGIN();
	char buf[512];
	int depth = 0;

	for (; depth < 100; depth++)
		if (uk_vfs_mkdirat(CWD, "d", 0755) || uk_vfs_chdir("d"))
			break;
	UK_TEST_EXPECT_SNUM_EQ(depth, 100);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getcwd(buf, sizeof(buf)), 4 + 100 * 2);
	UK_TEST_EXPECT(!memcmp(buf, "/vt/d/d/d", 9));
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_chdir("/vt"), 0);
	VT_END();
}

UK_TESTCASE(ramfs, memory_returns_after_unmount)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_alloc_stats before, after;
	char name[24];

	/* the first fixture may mount / and create /vt: that memory stays */
	UK_TEST_ASSERT(vt_end(vt_begin()) == 0);
	UK_TEST_ASSERT(uk_alloc_stats(a, &before) == 0);
	{
		VT_BEGIN();
		for (unsigned int i = 0; i < 200; i++) {
			vt_numname(name, "f", i);
			UK_TEST_ASSERT(vt_put(name, "some bytes of content") == 0);
		}
		UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "sub", 0755) == 0);
		UK_TEST_ASSERT(vt_put("sub/x", "x") == 0);
		VT_END();
	}
	UK_TEST_ASSERT(uk_alloc_stats(a, &after) == 0);
	/* every node, name and buffer was freed with the mount */
	UK_TEST_EXPECT_UNUM_EQ(after.nr_allocs, before.nr_allocs);
}
