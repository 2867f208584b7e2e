/* SPDX-License-Identifier: BSD-3-Clause */
/* The vnode poll op of pipes and eventfds, and the poll generation */
#include <uk/test.h>
#include "vt.h"

static unsigned int fd_poll(int fd)
{
	struct uk_file *f = uk_fdtab_get(fd);
	unsigned int ev;

	if (!f)
		return UK_POLLNVAL;
	ev = uk_file_poll(f);
	uk_file_release(f);
	return ev;
}

UK_TESTCASE(vfscore_poll, pipe_ends)
{
	VT_BEGIN();
	int p[2];
	char buf[8];
	uint64_t gen;

	UK_TEST_ASSERT(uk_vfs_pipe2(p, UK_O_NONBLOCK) == 0);
	UK_TEST_EXPECT_UNUM_EQ(fd_poll(p[0]) & (UK_POLLIN | UK_POLLHUP), 0);
	UK_TEST_EXPECT(fd_poll(p[1]) & UK_POLLOUT);
	gen = uk_vfs_poll_generation();
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(p[1], "ab", 2), 2);
	UK_TEST_EXPECT(uk_vfs_poll_generation() != gen); /* a write notifies */
	UK_TEST_EXPECT(fd_poll(p[0]) & UK_POLLIN);
	gen = uk_vfs_poll_generation();
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(p[0], buf, sizeof(buf)), 2);
	UK_TEST_EXPECT(uk_vfs_poll_generation() != gen); /* so does a read */
	UK_TEST_EXPECT_UNUM_EQ(fd_poll(p[0]) & UK_POLLIN, 0);
	/* the writer goes: the read end hangs up */
	gen = uk_vfs_poll_generation();
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_close(p[1]), 0);
	UK_TEST_EXPECT(uk_vfs_poll_generation() != gen);
	UK_TEST_EXPECT(fd_poll(p[0]) & UK_POLLHUP);
	uk_vfs_close(p[0]);
	/* the reader goes: the write end is in error */
	UK_TEST_ASSERT(uk_vfs_pipe2(p, UK_O_NONBLOCK) == 0);
	uk_vfs_close(p[0]);
	UK_TEST_EXPECT(fd_poll(p[1]) & UK_POLLERR);
	uk_vfs_close(p[1]);
	VT_END();
}

UK_TESTCASE(vfscore_poll, full_pipe_not_writable)
{
	VT_BEGIN();
	static char big[70000];
	int p[2];

	UK_TEST_ASSERT(uk_vfs_pipe2(p, UK_O_NONBLOCK) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(p[1], big, sizeof(big)), 65536);
	UK_TEST_EXPECT_UNUM_EQ(fd_poll(p[1]) & UK_POLLOUT, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(p[0], big, 1), 1);
	UK_TEST_EXPECT(fd_poll(p[1]) & UK_POLLOUT);
	uk_vfs_close(p[0]);
	uk_vfs_close(p[1]);
	VT_END();
}

UK_TESTCASE(vfscore_poll, eventfd_counter)
{
	VT_BEGIN();
	uint64_t v = 3;
	int fd = uk_vfs_eventfd(0, UK_EFD_NONBLOCK);

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_UNUM_EQ(fd_poll(fd), UK_POLLOUT | UK_POLLWRNORM);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, &v, 8), 8);
	UK_TEST_EXPECT(fd_poll(fd) & UK_POLLIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, &v, 8), 8);
	UK_TEST_EXPECT_UNUM_EQ(fd_poll(fd) & UK_POLLIN, 0);
	v = 0xfffffffffffffffeull;
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, &v, 8), 8);
	UK_TEST_EXPECT_UNUM_EQ(fd_poll(fd), UK_POLLIN | UK_POLLRDNORM); /* full */
	uk_vfs_close(fd);
	VT_END();
}

UK_TESTCASE(vfscore_poll, regular_file_always_ready_wait_times_out)
{
	VT_BEGIN();
	int fd = uk_vfs_openat(UK_AT_FDCWD, "f", UK_O_RDWR | UK_O_CREAT, 0600);
	uint64_t gen = uk_vfs_poll_generation();

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_UNUM_EQ(fd_poll(fd), UK_POLLIN | UK_POLLOUT);
	/* a generation already passed returns at once; an expired deadline times out */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_poll_wait(gen - 1, 1), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_poll_wait(gen, 1), -ETIMEDOUT);
	uk_vfs_close(fd);
	VT_END();
}
