/* SPDX-License-Identifier: BSD-3-Clause */
/* Opening, reading and writing files: flags, offsets, vectors, truncation */
#include <uk/test.h>
#include "vt.h"

#define CWD UK_AT_FDCWD

UK_TESTCASE(vfscore_files, create_write_read_back)
{
	VT_BEGIN();
	char buf[32] = {0};
	int fd = uk_vfs_openat(CWD, "f", UK_O_RDWR | UK_O_CREAT | UK_O_EXCL, 0644);

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, "hello world", 11), 11);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, 0, UK_SEEK_SET), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, sizeof(buf)), 11);
	UK_TEST_EXPECT_STR_EQ(buf, "hello world");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, sizeof(buf)), 0);
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "f", UK_O_RDWR | UK_O_CREAT | UK_O_EXCL, 0644),
	                       -EEXIST);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "nope", UK_O_RDONLY, 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "nodir/f", UK_O_RDWR | UK_O_CREAT, 0644),
	                       -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "f/x", UK_O_RDONLY, 0), -ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "f", 3, 0), -EINVAL);
	VT_END();
}

UK_TESTCASE(vfscore_files, open_flags)
{
	VT_BEGIN();
	char buf[32] = {0};
	int fd;

	UK_TEST_ASSERT(vt_put("f", "0123456789") == 0);
	fd = uk_vfs_openat(CWD, "f", UK_O_WRONLY | UK_O_APPEND, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, "ab", 2), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, 0, UK_SEEK_SET), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, "cd", 2), 2); /* still at the end */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, 1), -EBADF);
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("f", buf, sizeof(buf)), 14);
	UK_TEST_EXPECT_STR_EQ(buf, "0123456789abcd");
	fd = uk_vfs_openat(CWD, "f", UK_O_RDONLY | UK_O_TRUNC, 0); /* read-only: no truncation */
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("f", buf, sizeof(buf)), 14);
	fd = uk_vfs_openat(CWD, "f", UK_O_RDWR | UK_O_TRUNC, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0), "x", 1),
	                       -EBADF);
	uk_vfs_close(fd + 1);
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("f", buf, sizeof(buf)), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mkdirat(CWD, "d", 0755), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "f", UK_O_RDONLY | UK_O_DIRECTORY, 0), -ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "d", UK_O_WRONLY, 0), -EISDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "d", UK_O_RDWR | UK_O_CREAT, 0644), -EISDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "new/", UK_O_RDWR | UK_O_CREAT, 0644), -EISDIR);
	fd = uk_vfs_openat(CWD, "d", UK_O_RDONLY | UK_O_DIRECTORY | UK_O_NONBLOCK, 0);
	UK_TEST_EXPECT(fd >= 0);
	UK_TEST_EXPECT(uk_vfs_fcntl(fd, UK_F_GETFL, 0) & UK_O_NONBLOCK);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, 4), -EISDIR);
	uk_vfs_close(fd);
	VT_END();
}

UK_TESTCASE(vfscore_files, pread_pwrite_and_holes)
{
	VT_BEGIN();
	char buf[16];
	int fd = uk_vfs_openat(CWD, "f", UK_O_RDWR | UK_O_CREAT, 0644);
	struct uk_stat st;

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pwrite(fd, "xy", 2, 8), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, 0, UK_SEEK_CUR), 0); /* pwrite leaves the offset */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, sizeof(buf)), 10);
	UK_TEST_EXPECT(buf[0] == 0 && buf[7] == 0 && buf[8] == 'x' && buf[9] == 'y');
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pread(fd, buf, 1, 9), 1);
	UK_TEST_EXPECT(buf[0] == 'y');
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, 0, UK_SEEK_CUR), 10);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pread(fd, buf, 1, -1), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, 100, UK_SEEK_SET), 100);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, "z", 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstat(fd, &st), 0);
	UK_TEST_EXPECT_SNUM_EQ(st.st_size, 101);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, -2, UK_SEEK_END), 99);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, -200, UK_SEEK_END), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, 0, 7), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pwrite(fd, "a", 1, (1ll << 40)), -EFBIG);
	uk_vfs_close(fd);
	VT_END();
}

UK_TESTCASE(vfscore_files, readv_writev)
{
	VT_BEGIN();
	char a[4] = {0}, b[8] = {0};
	struct uk_iovec w[3] = {{"one", 3}, {"", 0}, {"twothree", 8}};
	struct uk_iovec r[2] = {{a, 3}, {b, 8}};
	int fd = uk_vfs_openat(CWD, "f", UK_O_RDWR | UK_O_CREAT, 0644);

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_writev(fd, w, 3), 11);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, 0, UK_SEEK_SET), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readv(fd, r, 2), 11);
	UK_TEST_EXPECT_STR_EQ(a, "one");
	UK_TEST_EXPECT(!memcmp(b, "twothree", 8));
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readv(fd, r, -1), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readv(fd, r, UK_IOV_MAX + 1), -EINVAL);
	r[1].iov_len = (uint64_t)-1; /* the total would overflow ssize_t */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readv(fd, r, 2), -EINVAL);
	uk_vfs_close(fd);
	VT_END();
}

UK_TESTCASE(vfscore_files, truncate_and_ftruncate)
{
	VT_BEGIN();
	char buf[16];
	int fd;

	UK_TEST_ASSERT(vt_put("f", "abcdefgh") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_truncate("f", 3), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_truncate("f", 6), 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("f", buf, sizeof(buf)), 6);
	UK_TEST_EXPECT(!memcmp(buf, "abc\0\0\0", 6)); /* cut bytes come back as zeros */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_truncate("f", -1), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_truncate("nope", 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mkdirat(CWD, "d", 0755), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_truncate("d", 0), -EISDIR);
	fd = uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ftruncate(fd, 0), -EINVAL);
	uk_vfs_close(fd);
	fd = uk_vfs_openat(CWD, "f", UK_O_WRONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ftruncate(fd, 1), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fsync(fd), 0);
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fsync(fd), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("f", buf, sizeof(buf)), 1);
	VT_END();
}

UK_TESTCASE(vfscore_files, unlinked_file_stays_readable_while_open)
{
	VT_BEGIN();
	char buf[8] = {0};
	int fd;

	UK_TEST_ASSERT(vt_put("f", "data") == 0);
	fd = uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "f", 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, 8), 4);
	UK_TEST_EXPECT_STR_EQ(buf, "data");
	uk_vfs_close(fd);
	VT_END();
}

UK_TESTCASE(vfscore_files, sendfile_copies)
{
	VT_BEGIN();
	static char big[10000];
	static char back[10001];
	int in, out;
	int64_t off = 100;

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	in = uk_vfs_openat(CWD, "src", UK_O_RDWR | UK_O_CREAT, 0644);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(in, big, sizeof(big)), (ssize_t)sizeof(big));
	out = uk_vfs_openat(CWD, "dst", UK_O_WRONLY | UK_O_CREAT, 0644);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_sendfile(out, in, &off, 20000), 9900);
	UK_TEST_EXPECT_SNUM_EQ(off, 10000);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(in, 0, UK_SEEK_CUR), 10000); /* untouched */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(in, 9990, UK_SEEK_SET), 9990);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_sendfile(out, in, NULL, 5), 5);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(in, 0, UK_SEEK_CUR), 9995);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_sendfile(out, 77, NULL, 5), -EBADF);
	uk_vfs_close(in);
	uk_vfs_close(out);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("dst", back, sizeof(back)), 9905);
	UK_TEST_EXPECT(!memcmp(back, big + 100, 9900) && !memcmp(back + 9900, big + 9990, 5));
	VT_END();
}

UK_TESTCASE(vfscore_files, ioctl_generic)
{
	VT_BEGIN();
	int fd, v = 1;

	UK_TEST_ASSERT(vt_put("f", "12345") == 0);
	fd = uk_vfs_openat(CWD, "f", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(fd, UK_FIONBIO, &v), 0);
	UK_TEST_EXPECT(uk_vfs_fcntl(fd, UK_F_GETFL, 0) & UK_O_NONBLOCK);
	v = 0;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(fd, UK_FIONBIO, &v), 0);
	UK_TEST_EXPECT(!(uk_vfs_fcntl(fd, UK_F_GETFL, 0) & UK_O_NONBLOCK));
	uk_vfs_lseek(fd, 1, UK_SEEK_SET);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(fd, UK_FIONREAD, &v), 0);
	UK_TEST_EXPECT_SNUM_EQ(v, 4);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(fd, UK_TIOCGWINSZ, &v), -ENOTTY);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(fd, UK_FIONBIO, NULL), -EFAULT);
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(fd, UK_FIONBIO, &v), -EBADF);
	VT_END();
}
