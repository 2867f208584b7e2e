/* SPDX-License-Identifier: BSD-3-Clause */
/* pipe2 and eventfd without a second thread (non-blocking and EOF paths) */
#include <uk/test.h>
#include "vt.h"

UK_TESTCASE(vfscore_pipe, data_eof_and_epipe)
{
	VT_BEGIN();
	int p[2], n;
	char buf[16] = {0};
	struct uk_stat st;

	UK_TEST_ASSERT(uk_vfs_pipe2(p, 0) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(p[1], "through", 7), 7);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(p[0], UK_FIONREAD, &n), 0);
	UK_TEST_EXPECT_SNUM_EQ(n, 7);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(p[0], buf, 3), 3);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(p[0], buf + 3, 10), 4);
	UK_TEST_EXPECT_STR_EQ(buf, "through");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(p[0], 0, UK_SEEK_SET), -ESPIPE);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pread(p[0], buf, 1, 0), -ESPIPE);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(p[0], "x", 1), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstat(p[0], &st), 0);
	UK_TEST_EXPECT(UK_S_ISFIFO(st.st_mode));
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close(p[1]), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(p[0], buf, 10), 0); /* no writer: end of file */
	uk_vfs_close(p[0]);
	UK_TEST_ASSERT(uk_vfs_pipe2(p, 0) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close(p[0]), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(p[1], "x", 1), -EPIPE);
	uk_vfs_close(p[1]);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pipe2(p, 0x40), -EINVAL);
	VT_END();
}

UK_TESTCASE(vfscore_pipe, nonblocking_full_and_empty)
{
	VT_BEGIN();
	static char chunk[10000];
	int p[2];
	ssize_t n, total = 0;

	UK_TEST_ASSERT(uk_vfs_pipe2(p, UK_O_NONBLOCK | UK_O_CLOEXEC) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(p[0], UK_F_GETFD, 0), UK_FD_CLOEXEC);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(p[0], chunk, 1), -EAGAIN);
	while ((n = uk_vfs_write(p[1], chunk, sizeof(chunk))) > 0)
		total += n;
	UK_TEST_EXPECT_SNUM_EQ(n, -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(total, 65536);
	/* drain and refill across the ring's wrap point */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(p[0], chunk, 5000), 5000);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(p[1], "wrap", 4), 4);
	total = 0;
	while ((n = uk_vfs_read(p[0], chunk, sizeof(chunk))) > 0)
		total += n;
	UK_TEST_EXPECT_SNUM_EQ(total, 65536 - 5000 + 4);
	UK_TEST_EXPECT(!memcmp(chunk + (total % (ssize_t)sizeof(chunk)) - 4, "wrap", 4));
	uk_vfs_close(p[0]);
	uk_vfs_close(p[1]);
	VT_END();
}

UK_TESTCASE(vfscore_pipe, eventfd_counter_and_semaphore)
{
	VT_BEGIN();
	uint64_t v = 0;
	int fd = uk_vfs_eventfd(2, UK_EFD_NONBLOCK);
	int sem = uk_vfs_eventfd(0, UK_EFD_SEMAPHORE | UK_EFD_NONBLOCK);

	UK_TEST_ASSERT(fd >= 0 && sem >= 0);
	v = 3;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, &v, 8), 8);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, &v, 8), 8);
	UK_TEST_EXPECT_UNUM_EQ(v, 5);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, &v, 8), -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, &v, 4), -EINVAL);
	v = ~0ull;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, &v, 8), -EINVAL);
	v = 0xfffffffffffffffeull;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, &v, 8), 8);
	v = 1;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, &v, 8), -EAGAIN); /* would overflow */
	v = 2;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(sem, &v, 8), 8);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(sem, &v, 8), 8);
	UK_TEST_EXPECT_UNUM_EQ(v, 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(sem, &v, 8), 8);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(sem, &v, 8), -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(sem, 0, UK_SEEK_SET), -ESPIPE);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_eventfd(0, 0x10), -EINVAL);
	uk_vfs_close(fd);
	uk_vfs_close(sem);
	VT_END();
}

UK_TESTCASE(vfscore_pipe, sendfile_into_full_pipe_keeps_offset)
{
	VT_BEGIN();
	static char big[65536];
	int64_t off = 0;
	int p[2], in;
	char c;

	UK_TEST_ASSERT(vt_put("src", "0123456789") == 0);
	in = uk_vfs_openat(UK_AT_FDCWD, "src", UK_O_RDONLY, 0);
	UK_TEST_ASSERT(in >= 0);
	UK_TEST_ASSERT(uk_vfs_pipe2(p, UK_O_NONBLOCK) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(p[1], big, sizeof(big)), 65536);
	/* the pipe takes nothing: no byte of the file may be lost */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_sendfile(p[1], in, &off, 4), -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(off, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_sendfile(p[1], in, NULL, 4), -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(in, &c, 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(c, '0');
	uk_vfs_close(in);
	uk_vfs_close(p[0]);
	uk_vfs_close(p[1]);
	VT_END();
}
