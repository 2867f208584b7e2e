/* SPDX-License-Identifier: BSD-3-Clause */
/* The descriptor table: allocation order, dup family, fcntl, limits */
#include <uk/test.h>
#include "vt.h"

#define CWD UK_AT_FDCWD

UK_TESTCASE(vfscore_fdtab, lowest_free_slot_and_ebadf)
{
	VT_BEGIN();
	int a = uk_vfs_openat(CWD, "f", UK_O_RDWR | UK_O_CREAT, 0644);
	int b = uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0);

	UK_TEST_EXPECT(a >= 0 && b == a + 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close(a), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0), a);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close(a), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close(a), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close(-1), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close(UK_VFS_FD_MAX), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(UK_VFS_FD_MAX + 5, NULL, 0), -EBADF);
	uk_vfs_close(b);
	VT_END();
}

UK_TESTCASE(vfscore_fdtab, dup_shares_offset_and_flags)
{
	VT_BEGIN();
	char buf[8] = {0};
	int fd = uk_vfs_openat(CWD, "f", UK_O_RDWR | UK_O_CREAT, 0644);
	int d = uk_vfs_dup(fd);

	UK_TEST_ASSERT(fd >= 0 && d >= 0 && d != fd);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, "abcdef", 6), 6);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(d, 0, UK_SEEK_CUR), 6);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(d, 2, UK_SEEK_SET), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, 3), 3);
	UK_TEST_EXPECT_STR_EQ(buf, "cde");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(d, UK_F_SETFL, UK_O_APPEND), 0);
	UK_TEST_EXPECT(uk_vfs_fcntl(fd, UK_F_GETFL, 0) & UK_O_APPEND);
	/* closing one name keeps the file open through the other */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close(fd), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pread(d, buf, 2, 0), 2);
	uk_vfs_close(d);
	VT_END();
}

UK_TESTCASE(vfscore_fdtab, dup2_dup3_replace_target)
{
	VT_BEGIN();
	char buf[8] = {0};
	int a, b;

	UK_TEST_ASSERT(vt_put("a", "AAAA") == 0 && vt_put("b", "BBBB") == 0);
	a = uk_vfs_openat(CWD, "a", UK_O_RDONLY, 0);
	b = uk_vfs_openat(CWD, "b", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_dup3(a, b, 0), b);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(b, buf, 4), 4);
	UK_TEST_EXPECT_STR_EQ(buf, "AAAA");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_dup3(a, a, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_dup3(a, b, UK_O_CLOEXEC), b);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(b, UK_F_GETFD, 0), UK_FD_CLOEXEC);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(a, UK_F_GETFD, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_dup3(a, b, 0x1), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_dup3(a, -1, 0), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_dup3(999, b, 0), -EBADF);
	uk_vfs_close(a);
	uk_vfs_close(b);
	VT_END();
}

UK_TESTCASE(vfscore_fdtab, fcntl_dupfd_and_setfd)
{
	VT_BEGIN();
	int fd = uk_vfs_openat(CWD, "f", UK_O_RDWR | UK_O_CREAT | UK_O_CLOEXEC, 0644);
	int d;

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, UK_F_GETFD, 0), UK_FD_CLOEXEC);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, UK_F_SETFD, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, UK_F_GETFD, 0), 0);
	d = uk_vfs_fcntl(fd, UK_F_DUPFD_CLOEXEC, 100);
	UK_TEST_EXPECT_SNUM_EQ(d, 100);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(d, UK_F_GETFD, 0), UK_FD_CLOEXEC);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, UK_F_DUPFD, 100), 101);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, UK_F_GETFL, 0) & UK_O_ACCMODE, UK_O_RDWR);
	/* access mode cannot change after open */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, UK_F_SETFL, UK_O_RDONLY | UK_O_NONBLOCK), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, UK_F_GETFL, 0) & (UK_O_ACCMODE | UK_O_NONBLOCK),
	                       UK_O_RDWR | UK_O_NONBLOCK);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, 12345, 0), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, UK_F_DUPFD, UK_VFS_FD_MAX), -EINVAL);
	uk_vfs_close(100);
	uk_vfs_close(101);
	uk_vfs_close(fd);
	VT_END();
}

static int dups[UK_VFS_FD_MAX];

UK_TESTCASE(vfscore_fdtab, table_full_is_emfile)
{
	VT_BEGIN();
	int fd = uk_vfs_openat(CWD, "f", UK_O_RDWR | UK_O_CREAT, 0644);
	int n = 0, rc;
	int fds[2];

	UK_TEST_ASSERT(fd >= 0);
	while ((rc = uk_vfs_dup(fd)) >= 0)
		dups[n++] = rc;
	UK_TEST_EXPECT_SNUM_EQ(rc, -EMFILE);
	UK_TEST_EXPECT_SNUM_EQ(uk_fdtab_count(), UK_VFS_FD_MAX);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0), -EMFILE);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pipe2(fds, 0), -EMFILE);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_eventfd(0, 0), -EMFILE);
	/* one slot free: pipe2 needs two and must not leave half a pipe behind */
	uk_vfs_close(dups[--n]);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pipe2(fds, 0), -EMFILE);
	UK_TEST_EXPECT_SNUM_EQ(uk_fdtab_count(), UK_VFS_FD_MAX - 1);
	while (n)
		uk_vfs_close(dups[--n]);
	uk_vfs_close(fd);
	VT_END();
}
