/* SPDX-License-Identifier: BSD-3-Clause */
/* stat family, statx, access, umask, chmod/chown, utimensat */
#include <uk/test.h>
#include "vt.h"

#define CWD UK_AT_FDCWD

UK_TESTCASE(vfscore_attrs, stat_fstat_statx_agree)
{
	VT_BEGIN();
	struct uk_stat a, b;
	struct uk_statx x;
	int fd;

	UK_TEST_ASSERT(vt_put("f", "12345") == 0);
	fd = uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "f", &a, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstat(fd, &b), 0);
	UK_TEST_EXPECT_UNUM_EQ(a.st_ino, b.st_ino);
	UK_TEST_EXPECT_SNUM_EQ(a.st_size, 5);
	UK_TEST_EXPECT_UNUM_EQ(a.st_mode, UK_S_IFREG | 0644);
	UK_TEST_EXPECT_UNUM_EQ(a.st_nlink, 1);
	UK_TEST_EXPECT(a.st_mtim.tv_sec > 0 && a.st_blksize > 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(fd, "", &b, UK_AT_EMPTY_PATH), 0);
	UK_TEST_EXPECT_UNUM_EQ(a.st_ino, b.st_ino);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(fd, "", &b, 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_statx(CWD, "f", 0, UK_STATX_BASIC_STATS, &x), 0);
	UK_TEST_EXPECT_UNUM_EQ(x.stx_mask & UK_STATX_BASIC_STATS, UK_STATX_BASIC_STATS);
	UK_TEST_EXPECT_UNUM_EQ(x.stx_ino, a.st_ino);
	UK_TEST_EXPECT_UNUM_EQ(x.stx_size, 5);
	UK_TEST_EXPECT_UNUM_EQ(x.stx_mode, UK_S_IFREG | 0644);
	UK_TEST_EXPECT_SNUM_EQ(x.stx_mtime.tv_sec, a.st_mtim.tv_sec);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_statx(CWD, "nope", 0, 0, &x), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "f", &a, 0x4000000), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstat(99, &a), -EBADF);
	uk_vfs_close(fd);
	VT_END();
}

UK_TESTCASE(vfscore_attrs, umask_applies_to_new_nodes)
{
	VT_BEGIN();
	struct uk_stat st;
	uint32_t old = uk_vfs_umask(077);

	UK_TEST_EXPECT_UNUM_EQ(uk_vfs_umask(077), 077);
	UK_TEST_ASSERT(vt_put("f", "") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mkdirat(CWD, "d", 0777), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "f", &st, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_mode & 0777, 0600);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "d", &st, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_mode, UK_S_IFDIR | 0700);
	uk_vfs_umask(old);
	VT_END();
}

UK_TESTCASE(vfscore_attrs, chmod_chown_are_recorded)
{
	VT_BEGIN();
	struct uk_stat st;
	int fd;

	UK_TEST_ASSERT(vt_put("f", "") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fchmodat(CWD, "f", 04711, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fchownat(CWD, "f", 1000, (uint32_t)-1, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "f", &st, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_mode, UK_S_IFREG | 04711);
	UK_TEST_EXPECT_UNUM_EQ(st.st_uid, 1000);
	UK_TEST_EXPECT_UNUM_EQ(st.st_gid, 0);
	fd = uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fchmod(fd, 0600), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fchown(fd, (uint32_t)-1, 50), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstat(fd, &st), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_mode, UK_S_IFREG | 0600);
	UK_TEST_EXPECT(st.st_uid == 1000 && st.st_gid == 50);
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fchmodat(CWD, "nope", 0600, 0), -ENOENT);
	VT_END();
}

UK_TESTCASE(vfscore_attrs, access_checks)
{
	VT_BEGIN();
	UK_TEST_ASSERT(vt_put("f", "") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_faccessat(CWD, "f", UK_F_OK, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_faccessat(CWD, "f", UK_R_OK | UK_W_OK, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_faccessat(CWD, "f", UK_X_OK, 0), -EACCES);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fchmodat(CWD, "f", 0755, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_faccessat(CWD, "f", UK_X_OK, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_faccessat(CWD, "g", UK_F_OK, 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_faccessat(CWD, "f", 8, 0), -EINVAL);
	VT_END();
}

UK_TESTCASE(vfscore_attrs, utimensat_sets_times)
{
	VT_BEGIN();
	struct uk_timespec ts[2] = {{1000, 5}, {2000, 6}};
	struct uk_stat st;

	UK_TEST_ASSERT(vt_put("f", "") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_utimensat(CWD, "f", ts, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "f", &st, 0), 0);
	UK_TEST_EXPECT(st.st_atim.tv_sec == 1000 && st.st_atim.tv_nsec == 5);
	UK_TEST_EXPECT(st.st_mtim.tv_sec == 2000 && st.st_mtim.tv_nsec == 6);
	ts[0].tv_nsec = UK_UTIME_OMIT;
	ts[1].tv_nsec = UK_UTIME_NOW;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_utimensat(CWD, "f", ts, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "f", &st, 0), 0);
	UK_TEST_EXPECT(st.st_atim.tv_sec == 1000 && st.st_mtim.tv_sec > 2000);
	ts[0].tv_nsec = 1000000000;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_utimensat(CWD, "f", ts, 0), -EINVAL);
	VT_END();
}
